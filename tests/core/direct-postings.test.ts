/**
 * `DirectPostings` must build exactly the index MiniSearch's own `add` builds — every term, posting,
 * field length and average, in the same order — or scores (and answers) would drift. Checked on a small
 * index with the awkward cases, and on the real base and a 1,500-chunk synthetic one: the knowledge index
 * built as it is now against the same index with `DirectPostings` switched off.
 */
import MiniSearch from 'minisearch';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DirectPostings } from '../../src/core/answer/direct-postings.ts';
import { KnowledgeIndex } from '../../src/core/answer/search-index.ts';
import { toTerm, words } from '../../src/core/answer/terms.ts';
import { WordTable } from '../../src/core/answer/word-table.ts';
import type { Chunk } from '../../src/core/knowledge/schema.ts';
import type { Synonyms } from '../../src/core/knowledge/synonyms.ts';
import type { FrameworkList } from '../../src/core/answer/frameworks.ts';
import { syntheticChunks } from '../../bench/synthetic-base.ts';
import { loadEvalSet } from './eval-set.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

type Doc = { id: number; heading: string; body: string };
const options = { fields: ['heading', 'body'], tokenize: words, processTerm: toTerm };

// Repeated words, stop words, words stemming to one term ("models", "model"), a term first met in the
// body, an empty field, and ids out of order.
const docs: Doc[] = [
  { id: 7, heading: 'Training loops', body: 'the training loop loops; models and a model train the training data' },
  { id: 2, heading: '', body: 'serving exports a saved model, serving at scale' },
  { id: 5, heading: 'Serving models', body: 'distributed training of the models' },
];

describe('DirectPostings', () => {
  it('builds exactly the index MiniSearch’s add builds', () => {
    const added = new MiniSearch<Doc>(options);
    added.addAll(docs);
    const direct = new MiniSearch<Doc>(options);
    const postings = DirectPostings.for(direct);
    expect(postings, 'MiniSearch internals changed: direct postings no longer engage').toBeDefined();
    const table = new WordTable(toTerm);
    for (const doc of docs) postings?.add(doc.id, [table.records(words(doc.heading)), table.records(words(doc.body))]);
    expect(JSON.stringify(direct)).toBe(JSON.stringify(added));
    expect(direct.search('model train').map((r) => [r.id, r.score])).toEqual(added.search('model train').map((r) => [r.id, r.score]));
  });

  it('declines an index that already has documents or stores fields', () => {
    const used = new MiniSearch<Doc>(options);
    used.add({ id: 1, heading: 'x', body: 'y' });
    expect(DirectPostings.for(used)).toBeUndefined();
    expect(DirectPostings.for(new MiniSearch<Doc>({ ...options, storeFields: ['heading'] }))).toBeUndefined();
  });
});

describe('a knowledge index built with DirectPostings', () => {
  let real: { chunks: Chunk[]; synonyms: Synonyms; frameworks: FrameworkList };
  beforeAll(async () => {
    const snapshot = await loadShippedSnapshot();
    real = { chunks: snapshot.chunks, synonyms: snapshot.index.synonyms, frameworks: snapshot.frameworks };
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const chunkSearchOf = (index: KnowledgeIndex) => (index as unknown as { chunkSearch: MiniSearch<Doc> }).chunkSearch;
  const build = (chunks: readonly Chunk[], direct: boolean) => {
    const used = vi.spyOn(DirectPostings.prototype, 'add');
    if (!direct) vi.spyOn(DirectPostings, 'for').mockReturnValue(undefined);
    const index = new KnowledgeIndex(chunks, real.synonyms, real.frameworks);
    expect(used.mock.calls.length, direct ? 'direct postings did not engage' : 'fallback did not engage').toBe(direct ? chunks.length : 0);
    vi.restoreAllMocks();
    return index;
  };

  it('is toJSON-equal to the add-built index, and answers every eval question the same, on the real and a synthetic base', () => {
    const set = loadEvalSet();
    const questions = [...set.answerable.map((a) => a.q), ...set.off_topic, ...set.uncovered.map((u) => u.q)];
    for (const chunks of [real.chunks, syntheticChunks(real.chunks, 1_500)]) {
      const direct = build(chunks, true);
      const added = build(chunks, false);
      expect(JSON.stringify(chunkSearchOf(direct))).toBe(JSON.stringify(chunkSearchOf(added)));
      expect([...direct.vocabulary.documentFrequency]).toEqual([...added.vocabulary.documentFrequency]);
      for (const question of questions) {
        const hits = (i: KnowledgeIndex) => i.query(i.parse(question), 50).map((h) => `${h.chunk.id} ${h.score} ${h.matchedTerms.join(',')} ${h.chunkTerms.join(',')}`);
        expect(hits(direct), question).toEqual(hits(added));
      }
    }
  });
});
