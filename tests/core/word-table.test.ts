/**
 * The vocabulary the index counts while indexing (each chunk's title, heading, tags and body resolved
 * into one `WordTable`, descriptors' words resolved once) must be the vocabulary counted from each chunk's
 * joined words — same document frequencies and typo targets, in the same order (typo correction breaks
 * ties by that order). Checked on the real base and a 1,500-chunk synthetic one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../src/core/answer/search-index.ts';
import { words } from '../../src/core/answer/terms.ts';
import { appendVersionPairs, BaseVocabulary } from '../../src/core/answer/vocabulary.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { syntheticChunks } from '../../bench/synthetic-base.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

const typoTargets = (vocabulary: BaseVocabulary) =>
  [...(vocabulary as unknown as { correctable: Map<string, Map<string, number>> }).correctable].map(([letter, bucket]) => [letter, [...bucket]]);

describe('the vocabulary counted while indexing', () => {
  let snapshot: KnowledgeSnapshot;
  beforeAll(async () => {
    snapshot = await loadShippedSnapshot();
  });

  it('is the vocabulary of each chunk’s joined words, on the real and a synthetic base', () => {
    const table = snapshot.frameworks.aliasTable();
    for (const [canonical, variants] of Object.entries(snapshot.index.synonyms)) table[canonical] = [...(table[canonical] ?? []), ...variants];
    const variants = Object.values(table).flatMap((list) => list.flatMap((v) => words(v)));
    for (const chunks of [snapshot.chunks, syntheticChunks(snapshot.chunks, 1_500)]) {
      const index = new KnowledgeIndex(chunks, snapshot.index.synonyms, snapshot.frameworks);
      const expand = (text: string) => index.expander.expandWords(text).words;
      const canonicalize = (w: readonly string[]) => index.expander.canonicalize(w);
      const joined = chunks.map((c) => [
        ...expand(c.docTitle),
        ...appendVersionPairs(expand(c.heading), canonicalize),
        ...expand(c.tags.join(' ')),
        ...appendVersionPairs(expand(c.body), canonicalize),
      ]);
      const reference = new BaseVocabulary(joined, variants);
      expect(index.vocabulary.chunkCount).toBe(chunks.length);
      expect([...index.vocabulary.documentFrequency]).toEqual([...reference.documentFrequency]);
      expect(typoTargets(index.vocabulary)).toEqual(typoTargets(reference));
      expect(index.vocabulary.maxIdf).toBe(reference.maxIdf);
    }
  });
});
