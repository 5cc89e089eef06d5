/**
 * `PostingScorer` must give exactly MiniSearch's matches — same documents, same float scores, same
 * matched terms, same order — or answers would change with the base's size. Checked on a small index with
 * the awkward cases (prefixes, a query term repeated, number-like terms whose `match` keys `Object.keys`
 * reorders, a term nothing has), and on a 1,500-chunk base with every eval question, against the path
 * that reads MiniSearch's own results.
 */
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { PostingScorer, type ScoreOptions } from '../../src/core/answer/posting-scorer.ts';
import type { ChunkMatches } from '../../src/core/answer/rank-chunks.ts';
import { KnowledgeIndex, miniSearchMatches } from '../../src/core/answer/search-index.ts';
import { syntheticChunks } from '../../bench/synthetic-base.ts';
import { loadEvalSet } from './eval-set.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

const view = (m: ChunkMatches) => Array.from({ length: m.size }, (_, i) => `${m.ids[i]} ${m.scores[i]} ${m.queryTerms(i).join(',')} ${m.documentTerms(i).join(',')}`);

describe('PostingScorer', () => {
  const engine = new MiniSearch<{ id: number; heading: string; body: string }>({ fields: ['heading', 'body'] });
  engine.addAll(
    Array.from({ length: 300 }, (_, i) => ({
      id: 1000 + i,
      heading: `part ${i % 7} ${i % 11 ? '' : '2016 2019'}`,
      body: `graph mode eager ${i % 3 ? 'tensor tensors' : 'keras'} ${'model '.repeat(i % 5)} ${i % 4 ? 'modelling' : '201 20161'}`,
    })),
  );
  const scoring: ScoreOptions = { boost: { heading: 2.5 }, prefixWeight: 0.6, prefix: (t) => t.length >= 3, boostTerm: (t) => (t === 'model' ? 0.3 : 1) };
  const options = { boost: scoring.boost, weights: { prefix: 0.6, fuzzy: 0 }, prefix: scoring.prefix, boostTerm: scoring.boostTerm, fuzzy: false };

  it('scores every match exactly as MiniSearch does, in its order', () => {
    const scorer = PostingScorer.for(engine);
    expect(scorer).toBeDefined();
    for (const query of ['graph keras', 'part model', 'tens', 'eager 3 keras model', 'model model', '2016 201 part', 'mod', 'nothing', 'nothing graph']) {
      const ours = scorer?.score(query.split(' '), scoring, view)?.value;
      expect(ours, query).toEqual(view(miniSearchMatches(engine as never, query, options)));
    }
    // Not vacuous: prefixes matched several longer words, and the order is not simply best first.
    const scores = scorer?.score(['mod'], scoring, (m) => Array.from(m.scores))?.value ?? [];
    expect(scores.length).toBeGreaterThan(100);
    expect(scores).not.toEqual([...scores].sort((a, b) => b - a));
  });

  it('leaves nothing behind between queries', () => {
    const scorer = PostingScorer.for(engine);
    const first = scorer?.score(['graph', 'keras'], scoring, view)?.value;
    scorer?.score(['part', 'model', 'tens'], scoring, view);
    expect(scorer?.score(['graph', 'keras'], scoring, view)?.value).toEqual(first);
  });

  it('declines what it cannot score, so the caller uses MiniSearch', () => {
    const scorer = PostingScorer.for(engine);
    const many = Array.from({ length: 33 }, (_, i) => `t${i}`);
    expect(scorer?.score(many, scoring, view)).toBeUndefined();
    // Inside its own callback (the arrays are in use) it declines rather than corrupt them.
    expect(scorer?.score(['graph'], scoring, () => scorer.score(['keras'], scoring, view))?.value).toBeUndefined();
    const removed = new MiniSearch<{ id: number; body: string }>({ fields: ['body'] });
    removed.addAll([
      { id: 1, body: 'a graph' },
      { id: 2, body: 'a graph too' },
    ]);
    removed.discard(1);
    expect(PostingScorer.for(removed)).toBeUndefined();
  });
});

describe('a knowledge index scored by PostingScorer', () => {
  let index: KnowledgeIndex;
  let real: KnowledgeIndex;
  beforeAll(async () => {
    const snapshot = await loadShippedSnapshot();
    real = snapshot.index;
    index = new KnowledgeIndex(syntheticChunks(snapshot.chunks, 1_500), snapshot.index.synonyms, snapshot.frameworks);
  });

  it('ranks every eval question exactly as with MiniSearch scoring', () => {
    const set = loadEvalSet();
    const questions = [...set.answerable.map((a) => a.q), ...set.off_topic, ...set.uncovered.map((u) => u.q)];
    for (const subject of [index, real]) {
      const withMiniSearch = Object.assign(Object.create(Object.getPrototypeOf(subject)), subject, { chunkScorer: undefined }) as KnowledgeIndex;
      let compared = 0;
      for (const question of questions) {
        const parsed = subject.parse(question);
        const hits = (i: KnowledgeIndex) => i.query(parsed, 50).map((h) => `${h.chunk.id} ${h.score} ${h.matchedTerms.join(',')} ${h.chunkTerms.join(',')}`);
        const ours = hits(subject);
        expect(ours, question).toEqual(hits(withMiniSearch));
        compared += ours.length;
      }
      expect(compared).toBeGreaterThan(questions.length);
    }
  });
});
