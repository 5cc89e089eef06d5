/**
 * Is this an ordinary English word? Chat filler ("myth", "bunch", "heard") is; the names of things the
 * base does not cover — languages, products, organisations ("julia", "matlab", "kotlin") — are not, and
 * must count against an answer rather than be forgiven. The list is a dependency
 * (`an-array-of-english-words`, 275k words); only words of up to 15 letters are kept.
 */
import { createRequire } from 'node:module';

const MAX_LENGTH = 15;
let words: ReadonlySet<string> | undefined;

/** Reads the list (≈ 150 ms, ≈ 10 MB) once per process. Index builds call it, so no question waits for it. */
export function loadEnglishWords(): ReadonlySet<string> {
  words ??= new Set((createRequire(import.meta.url)('an-array-of-english-words') as string[]).filter((w) => w.length <= MAX_LENGTH));
  return words;
}

export function isEnglishWord(word: string): boolean {
  return word.length <= MAX_LENGTH && loadEnglishWords().has(word);
}

/** Terms are stems ("stories" → "stori", "hoped" → "hop", "coworkers" → "cowork"): try the forms they come from. */
export const isEnglishStem = (stem: string): boolean =>
  [stem, `${stem}e`, `${stem}s`, `${stem}er`, `${stem}ed`, `${stem}ing`, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : ''].some((w) => w && isEnglishWord(w));
