/**
 * Ranking keeps only the best `limit` chunks as matches stream past, and skips a document whose tags
 * cannot lift any of its chunks past the current cut (see `KnowledgeIndex.rank`). On a base large enough
 * for that to matter, the top results must be exactly those of scoring and sorting every match — with
 * the side boost of a question naming one framework, and without.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../src/core/answer/search-index.ts';
import { syntheticChunks } from '../../bench/synthetic-base.ts';
import { loadEvalSet } from './eval-set.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

let index: KnowledgeIndex;
beforeAll(async () => {
  const snapshot = await loadShippedSnapshot();
  // 1,500 chunks: enough that most questions match hundreds, small enough that ranking them all is quick.
  index = new KnowledgeIndex(syntheticChunks(snapshot.chunks, 1_500), snapshot.index.synonyms, snapshot.frameworks);
});

describe('ranking with a cut-off', () => {
  it('returns the same top ten as boosting and sorting every match', () => {
    const set = loadEvalSet();
    const questions = set.answerable.map((a) => a.q);
    expect(questions.filter((q) => index.parse(q).frameworks.length === 1).length).toBeGreaterThan(20);
    let reranked = 0;
    for (const question of questions) {
      const parsed = index.parse(question);
      const everything = index.query(parsed, Number.MAX_SAFE_INTEGER);
      const top = index.query(parsed, 10);
      const view = (hits: typeof top) => hits.map((h) => `${h.chunk.id} ${h.score.toFixed(9)}`);
      expect(view(top), question).toEqual(view(everything.slice(0, 10)));
      if (everything.length > 10) reranked += 1;
    }
    // The early stop was exercised: most questions have more matches than the ten kept.
    expect(reranked).toBeGreaterThan(questions.length / 2);
  });
});
