/**
 * Recognising which frameworks a question names, including abbreviations (via synonyms: tf, torch, pt)
 * and typos ("pytroch", "tensorflwo", "tensorlfow"), using edit distance with transpositions so a
 * swapped pair of letters counts as one slip, not two.
 */
import type { Framework } from '../knowledge/schema.ts';

export const FRAMEWORKS: readonly Framework[] = ['tensorflow', 'pytorch'];

/** Is this term a framework's canonical name? */
export const isFrameworkTerm = (term: string): boolean => (FRAMEWORKS as readonly string[]).includes(term);

/** How every platform writes the frameworks' names. */
export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = { tensorflow: 'TensorFlow', pytorch: 'PyTorch' };

/** Optimal string alignment distance (Levenshtein + adjacent transpositions), capped early. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prev2[j - 2] ?? 0) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** The framework a single (lowercase) word misspells, if any: "pytroch" → pytorch. */
export function correctFrameworkTypo(word: string): Framework | undefined {
  if (word.length < 6) return undefined;
  for (const name of FRAMEWORKS) {
    if (word === name) return name;
    const allowed = name.length >= 10 ? 2 : 1; // "tensorflow" tolerates two slips, "pytorch" one
    // Every letter the name lacks costs at least one edit; most words fail this before the DP runs.
    if (lettersNotIn(word, LETTERS.get(name)!) > allowed) continue;
    if (editDistance(word, name, allowed) <= allowed) return name;
  }
  return undefined;
}

const LETTERS: ReadonlyMap<Framework, ReadonlySet<string>> = new Map(FRAMEWORKS.map((name) => [name, new Set(name)]));

function lettersNotIn(word: string, letters: ReadonlySet<string>): number {
  let missing = 0;
  for (const ch of word) if (!letters.has(ch)) missing += 1;
  return missing;
}

/** Frameworks named in already-expanded words (canonical names were added by synonym expansion). */
export function frameworksIn(expandedWords: readonly string[]): Framework[] {
  return FRAMEWORKS.filter((f) => expandedWords.includes(f));
}
