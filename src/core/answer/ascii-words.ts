/**
 * `rawWords` for ASCII text in one scan over character codes. Why: the regex path (three `replace`s, a
 * `split`, a trim regex and a dotted-number test per token) was the largest single cost of tokenizing a
 * 100,000-chunk base, and nearly every knowledge text is ASCII. It gives exactly the regex path's words
 * — `tests/core/ascii-words.test.ts` compares the two on the whole base and on generated texts full of
 * the awkward characters — and non-ASCII text keeps the regex path (`terms.ts`).
 *
 * The regex path's steps, as this scan does them: apostrophes are dropped (before anything else sees the
 * text); "%" is the word "percent"; "c++" at a word boundary is the word "cpp"; words are runs of
 * letters, digits and dots; a run is trimmed of dots and, unless it is a dotted number ("2.0", "2.x"),
 * split at its dots.
 */

/** A version or dotted figure ("2.0", "3.13", "2.x", "1.5"), on lowercase text: one word, so "2.5" never matches "2" and "5". */
export const DOTTED_NUMBER = /^\d+(\.(\d+|x))+$/;

const DOT = 46;
const PERCENT = 37;
const PLUS = 43;
const UNDERSCORE = 95;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, digits and dots make up words; everything else separates them. */
const isWordPart = (c: number) => isLetter(c) || isDigit(c) || c === DOT;
/** What `\b` counts as a word character (the "c++" rule looks at the character before the "c"). */
const isRegexWordChar = (c: number) => isLetter(c) || isDigit(c) || c === UNDERSCORE;

/**
 * The words of `text`, which must be ASCII with its apostrophes already removed (the caller does that:
 * "don't" is one word, "dont"). In `text`'s own case; pass it lowercased to get lowercase words.
 */
export function asciiWords(text: string): string[] {
  const out: string[] = [];
  const length = text.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if ((c | 32) === 99 && text.charCodeAt(i + 1) === PLUS && text.charCodeAt(i + 2) === PLUS && (i === 0 || !isRegexWordChar(text.charCodeAt(i - 1)))) {
      // "c++" → " cpp ": a dot before it ("tf.c++") still ends the word it belongs to.
      if (start >= 0) pushRun(text, start, i, out);
      start = -1;
      out.push('cpp');
      i += 2;
      continue;
    }
    if (isWordPart(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) pushRun(text, start, i, out);
    start = -1;
    if (c === PERCENT) out.push('percent');
  }
  if (start >= 0) pushRun(text, start, length, out);
  return out;
}

/** One run of letters, digits and dots: trimmed of dots, split at dots unless it is a dotted number. */
function pushRun(text: string, start: number, end: number, out: string[]): void {
  let hasDot = false;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === DOT) {
      hasDot = true;
      break;
    }
  }
  if (!hasDot) {
    out.push(text.slice(start, end));
    return;
  }
  while (start < end && text.charCodeAt(start) === DOT) start++;
  while (end > start && text.charCodeAt(end - 1) === DOT) end--;
  if (start === end) return;
  const trimmed = text.slice(start, end);
  if (DOTTED_NUMBER.test(trimmed.toLowerCase())) out.push(trimmed);
  else for (const part of trimmed.split('.')) if (part) out.push(part);
}
