import { asciiWords, DOTTED_NUMBER } from './ascii-words.ts';
import { STOP_WORDS } from './stop-words.ts';

/**
 * How text becomes search terms, shared by indexing and querying so both sides always agree:
 * lowercase words, English stop words dropped, a light suffix stemmer so "deploying", "deployed" and
 * "deploys" meet "deploy". Deliberately small — a full Porter stemmer over-merges technical words.
 */

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Words and numbers in their original case; everything else (punctuation, emoji, Markdown) separates
 * words. `words` is this, lowercased: the two always split a text the same way.
 */
export function rawWords(text: string): string[] {
  // ASCII text (nearly all of a knowledge base) takes the equivalent one-pass scan (`ascii-words.ts`).
  if (!NON_ASCII.test(text)) return asciiWords(withoutApostrophes(text));
  return rawWordsByRegex(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/** Lowercase words and numbers (see `rawWords`). */
export function words(text: string): string[] {
  // Lowercasing ASCII text first splits it the same way and makes each word lowercase without a copy.
  if (!NON_ASCII.test(text)) return asciiWords(withoutApostrophes(text).toLowerCase());
  return rawWords(text).map((w) => w.toLowerCase());
}

const withoutApostrophes = (text: string): string => (text.includes("'") ? text.replace(/'/g, '') : text);

/** `rawWords` as regexes: the definition `asciiWords` follows, and the path for non-ASCII text. */
export function rawWordsByRegex(folded: string): string[] {
  const out: string[] = [];
  const prepared = folded
    .replace(/['’]/g, '')
    // "72%" and "72 percent" are the same figure; keep the percent sign as a word.
    .replace(/%/g, ' percent ')
    // Else punctuation leaves a bare "c", and "c#" or "c" would match the base's C++.
    .replace(/\bc\+\+/gi, ' cpp ');
  for (const token of prepared.split(/[^A-Za-z0-9.]+/)) {
    const trimmed = token.replace(/^\.+|\.+$/g, '');
    if (!trimmed) continue;
    // "tf.function" is two words; "2.0" is one.
    if (DOTTED_NUMBER.test(trimmed.toLowerCase())) out.push(trimmed);
    else for (const part of trimmed.split('.')) if (part) out.push(part);
  }
  return out;
}

/** Does this word carry a digit — a version, a model number ("2.5", "m1", "a100", "v4")? */
export const hasDigit = (word: string): boolean => /\d/.test(word);

/**
 * Light stemmer: plural and common verb/adjective endings. Applied identically to the index and the
 * query, so it only needs to be consistent, not linguistically right.
 */
export function stem(word: string): string {
  let w = word;
  if (/^\d/.test(w) || w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ment', 'ness', 'ing', 'ed', 'er', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // "deployy"-style doubles left by stripping ("shipped" → "shipp") collapse to one letter.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * A search term, or null for stop words. Lone letters that are not stop words stay: "r" in "is there
 * an r version of tensorflow" is the whole topic, and dropping it made the question look covered.
 */
export function toTerm(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  const term = stem(word);
  // "ones" → "one", "things" → "thing": a plural of a stop word is one too.
  return STOP_WORDS.has(term) ? null : term;
}

/** Content terms of a text in order, duplicates kept. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const term = toTerm(word);
    if (term) out.push(term);
  }
  return out;
}
