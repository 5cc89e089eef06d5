/** `countWords` scans for runs of non-space characters; it must count exactly what splitting on `\s+` does. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/core/knowledge/chunk.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

const bySplit = (text: string) => text.split(/\s+/).filter(Boolean).length;
// Every character `\s` matches, and neighbours of those ranges that it does not.
const spaces = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const nonSpaces = [8, 14, 31, 33, 0x85, 0x9f, 0x180e, 0x1fff, 0x200b, 0x202e, 0x2030, 0x205e, 0x2060, 0x2fff, 0x3001, 0xfefe, 0xff00];
const character = fc.constantFrom(...[...spaces, ...nonSpaces].map((c) => String.fromCharCode(c)), 'a', 'Z', '1', '.', ' ', '\u{1f600}');

describe('countWords', () => {
  it('counts what splitting on white space counts, on generated texts', () => {
    fc.assert(
      fc.property(fc.array(character, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(countWords(text)).toBe(bySplit(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('counts every chunk of the real base as splitting does', async () => {
    const snapshot = await loadShippedSnapshot();
    for (const chunk of snapshot.chunks) expect(countWords(chunk.body), chunk.id).toBe(bySplit(chunk.body));
  });
});
