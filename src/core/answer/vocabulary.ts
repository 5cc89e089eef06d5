/**
 * What the knowledge base itself says about words: which terms it contains and how often (IDF), which
 * versions it gives each named thing ("PyTorch 2.0", "TF 2.3"), and which of its words a typo was
 * meant to be. Answerability and typo correction read only this — never an outside dictionary — so the
 * bot's idea of "a word I know" is exactly what it can cite.
 */
import { editDistance } from './frameworks.ts';
import { STOP_WORDS } from './stop-words.ts';
import { toTerm, words } from './terms.ts';
import { WordTable } from './word-table.ts';

/**
 * A number after a name is its version or model ("pytorch 2.5", "llama 3", "python 3.13") — not a year,
 * and not a whole number of three digits or more, which counts something ("the same 256 gpus").
 */
export const isVersionNumber = (word: string): boolean => /^\d{1,2}(\.(\d+|x))*$|^\d+(\.(\d+|x))+$/.test(word) && !/^(19|20)\d\d$/.test(word);

const startsWithDigit = (word: string): boolean => {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
};

/** A name followed by a version in canonical words: `at` is the name's position ("pytorch" "2.5"). */
export interface VersionPair {
  at: number;
  /** The name's term. */
  name: string;
  version: string;
}

/** Each place in `canonical` words where a version follows a name ("pytorch 2.5", "llama 3"). */
export function versionPairs(canonical: readonly string[]): VersionPair[] {
  const pairs: VersionPair[] = [];
  for (let i = 0; i + 1 < canonical.length; i++) {
    const next = canonical[i + 1] ?? '';
    // A version starts with a digit: checking that first skips the regexes and stemming for most words.
    if (!startsWithDigit(next)) continue;
    const word = canonical[i] ?? '';
    const name = isVersionNumber(word) ? null : toTerm(word);
    if (name && !name.includes('@') && isVersionNumber(next)) pairs.push({ at: i, name, version: next });
  }
  return pairs;
}

/**
 * "name@version" terms for each version that follows a name in `canonical` words ("tensorflow 2.0" →
 * "tensorflow@2.0"): indexed and searched beside the bare number, so a question about TensorFlow 2.0
 * prefers the section that says "TensorFlow 2.0" over one that says "Apache 2.0".
 */
export function versionPairTerms(canonical: readonly string[]): string[] {
  return versionPairs(canonical).map((p) => `${p.name}@${p.version}`);
}

/** `words` followed by their "name@version" terms, for indexing (see `versionPairTerms`), in place. */
export function appendVersionPairs(words: string[], canonicalize: (words: readonly string[]) => string[]): string[] {
  for (const pair of versionPairTerms(canonicalize(words))) words.push(pair);
  return words;
}

/**
 * Edits a typo may need: one slip in a word of five letters or more, two from eight. Shorter words are
 * never corrected: one slip turns most of them into another real word ("bake" → "base").
 */
function allowedEdits(word: string): number {
  if (word.length >= 8) return 2;
  return word.length >= 5 ? 1 : 0;
}

export class BaseVocabulary {
  /** Content term → number of chunks containing it (after stemming and synonym expansion). */
  readonly documentFrequency = new Map<string, number>();
  /** Words a typo may be corrected to, by first letter: people rarely mistype the first letter. */
  private readonly correctable = new Map<string, Map<string, number>>();
  private readonly corrections = new Map<string, string | undefined>();
  readonly chunkCount: number;
  /** IDF of a term found in no chunk: the most specific a term can be. */
  readonly maxIdf: number;

  /**
   * `texts`: each chunk's searchable text (heading, tags, body), synonyms already expanded — or that
   * text's `words` followed by their `versionPairTerms`; `canonicalize` reads a text's words as a question
   * is read ("TF 2.3" → "tensorflow 2.3"), to find a text's version pairs. Or, instead of texts, the
   * `WordTable` the index counted the chunks' words into as it indexed them (so a large base is
   * tokenized and looked up once).
   */
  constructor(texts: Iterable<string | readonly string[]> | WordTable, extraWords: Iterable<string>, canonicalize?: (words: readonly string[]) => string[]) {
    const table = texts instanceof WordTable ? texts : countTexts(texts, canonicalize ?? ((w) => [...w]));
    this.chunkCount = table.chunkCount;
    // Terms in order of first appearance, as a per-chunk set added them.
    for (const record of table.terms.values()) this.documentFrequency.set(record.term, record.chunks);
    // Typo targets: the base's words in order of first appearance, then extra and stop words, one more each.
    const targets = new Map<string, number>();
    for (const [word, record] of table.words) targets.set(word, record.count);
    for (const word of [...extraWords, ...STOP_WORDS]) targets.set(word, (targets.get(word) ?? 0) + 1);
    for (const [word, count] of targets) {
      if (/\d/.test(word) || word.length < 3) continue;
      const bucket = this.correctable.get(word[0] ?? '') ?? new Map<string, number>();
      bucket.set(word, count);
      this.correctable.set(word[0] ?? '', bucket);
    }
    this.maxIdf = this.idf('\u0000never-a-term');
  }

  /** Is this (stemmed) term in the base? */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** Does the base give this named thing this version ("pytorch" "2.0")? Its pair is one of its terms. */
  knowsVersion(term: string, version: string): boolean {
    return this.documentFrequency.has(`${term}@${version}`);
  }

  /** Inverse document frequency; terms in no chunk get the maximum (they are the most specific). */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The base word (or stop word) a typed word misspells: same first letter, the fewest edits allowed
   * for its length, the most frequent on a tie. `undefined` when the word is known or nothing is close.
   * "fastr" → "faster", "lern" → "learn", "wich" → "which".
   */
  correct(word: string): string | undefined {
    if (this.corrections.has(word)) return this.corrections.get(word);
    const found = this.findCorrection(word);
    if (this.corrections.size < 10_000) this.corrections.set(word, found);
    return found;
  }

  private findCorrection(word: string): string | undefined {
    if (STOP_WORDS.has(word) || /\d/.test(word)) return undefined;
    const term = toTerm(word);
    if (term && this.knows(term)) return undefined;
    const max = allowedEdits(word);
    if (max === 0) return undefined;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [candidate, count] of this.correctable.get(word[0] ?? '') ?? []) {
      if (Math.abs(candidate.length - word.length) > max) continue;
      const distance = editDistance(word, candidate, max);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
    }
    return best?.word;
  }
}

/** The table `BaseVocabulary` reads, from chunk texts (or their words): one chunk per text. */
function countTexts(texts: Iterable<string | readonly string[]>, canonicalize: (words: readonly string[]) => string[]): WordTable {
  const table = new WordTable(toTerm);
  for (const text of texts) table.countChunk([table.records(typeof text === 'string' ? appendVersionPairs(words(text), canonicalize) : text)]);
  return table;
}
