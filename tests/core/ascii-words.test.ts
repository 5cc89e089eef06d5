/**
 * The ASCII scan (`asciiWords`, behind `rawWords` and `words`) must split every text exactly as the regex
 * path (`rawWordsByRegex`) does, or indexing and questions would change. Checked on every text of the real
 * base and on generated texts made of the characters the rules care about: apostrophes, "%", "c++" at and
 * off word boundaries, dots around and inside numbers ("2.x", "1..2", ".5."), "_" and other separators.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawWords, rawWordsByRegex, words } from '../../src/core/answer/terms.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

const byRegex = (text: string) => rawWordsByRegex(text);

const tricky = fc.constantFrom(
  'c',
  'C',
  '+',
  '++',
  'c++',
  'C++',
  '%',
  "'",
  '.',
  '..',
  '_',
  'x',
  'X',
  '2',
  '10',
  ' ',
  '\t',
  '\n',
  '-',
  '#',
  '/',
  '(',
  ')',
  'tf',
  'Torch',
  'a',
  'z',
  'Z',
  '0',
  '9',
  '@',
  '~',
);
const asciiText = fc.array(tricky, { maxLength: 40 }).map((parts) => parts.join(''));

describe('asciiWords through rawWords and words', () => {
  let snapshot: KnowledgeSnapshot;
  beforeAll(async () => {
    snapshot = await loadShippedSnapshot();
  });

  it('splits every text of the real base as the regex path does', () => {
    const texts = snapshot.chunks.flatMap((c) => [c.docTitle, c.heading, c.body, c.tags.join(' ')]);
    let ascii = 0;
    for (const text of texts) {
      if (!/[^ -~\t\n\r]/.test(text)) ascii += 1;
      expect(rawWords(text), text).toEqual(byRegex(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')));
      expect(words(text), text).toEqual(byRegex(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).map((w) => w.toLowerCase()));
    }
    expect(ascii, 'the scan is meant for the base’s own (ASCII) texts').toBeGreaterThan(texts.length / 2);
  });

  it('splits generated ASCII texts full of the awkward characters as the regex path does', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(rawWords(text)).toEqual(byRegex(text));
        expect(words(text)).toEqual(byRegex(text).map((w) => w.toLowerCase()));
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps the cases the rules were written for', () => {
    expect(words("Don't use c++ or tf.C++; 72% of TF 2.x users, v1..2 and .5.")).toEqual([
      'dont',
      'use',
      'cpp',
      'or',
      'tf',
      'cpp',
      '72',
      'percent',
      'of',
      'tf',
      '2.x',
      'users',
      'v1',
      '2',
      'and',
      '5',
    ]);
    expect(rawWords('abc++ _c++ %c++')).toEqual(['abc', 'c', 'percent', 'cpp']);
  });
});
