/**
 * The distinct words of a base while it is indexed, each looked up once per occurrence for every reader.
 * Why: the vocabulary (word counts, document frequency) and the chunk postings each looked every token
 * up in their own map — on a 100,000-chunk reload, millions of string lookups done twice. Here a word's
 * record carries its term (stemmed once per base), its count for the vocabulary and the marks the
 * postings builder (`direct-postings.ts`) counts with; a term's record carries its document frequency
 * and its postings.
 *
 * Records are created in the order words are first resolved, so callers resolve a chunk's words in the
 * order the vocabulary reads them (title, heading, tags, body): the maps then keep "order of first
 * appearance", which typo correction's tie-breaking and `documentFrequency` rely on.
 */

/** Per field id, document (short id) → term frequency: one term's entry in MiniSearch's radix tree. */
export type Postings = Map<number, Map<number, number>>;

export interface TermRecord {
  readonly term: string;
  /** Chunks containing the term; `lastChunk` keeps a chunk from counting twice. */
  chunks: number;
  lastChunk: number;
  /** The postings builder's: the term's radix-tree entry and, per field id, its document map. */
  postings: Postings | undefined;
  fields: (Map<number, number> | undefined)[];
  /** The postings builder's: which document field `frequency` counts the term in. */
  countedIn: number;
  frequency: number;
}

export interface WordRecord {
  /** Null for stop words. */
  readonly term: TermRecord | null;
  /** Occurrences in the base. */
  count: number;
  /** The postings builder's: the document field the word was last seen in (for distinct counts). */
  seenIn: number;
}

export class WordTable {
  /** Word → record, in order of first appearance. */
  readonly words = new Map<string, WordRecord>();
  /** Term → record, in order of first appearance. */
  readonly terms = new Map<string, TermRecord>();
  /** Chunks counted so far. */
  chunkCount = 0;

  constructor(private readonly toTerm: (word: string) => string | null) {}

  /** The records of `words`, in order (created for words not seen before). */
  records(words: readonly string[]): WordRecord[] {
    const out = new Array<WordRecord>(words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.record(words[i] as string);
    return out;
  }

  record(word: string): WordRecord {
    let record = this.words.get(word);
    if (record === undefined) {
      const processed = this.toTerm(word);
      let term: TermRecord | null = null;
      if (processed) {
        term = this.terms.get(processed) ?? null;
        if (term === null) {
          term = { term: processed, chunks: 0, lastChunk: -1, postings: undefined, fields: [], countedIn: -1, frequency: 0 };
          this.terms.set(processed, term);
        }
      }
      record = { term, count: 0, seenIn: -1 };
      this.words.set(word, record);
    }
    return record;
  }

  /** Counts one chunk: each word's occurrences, and each term once for the chunk's document frequency. */
  countChunk(parts: readonly (readonly WordRecord[])[]): void {
    const chunk = this.chunkCount;
    for (const part of parts) {
      for (const record of part) {
        record.count += 1;
        const term = record.term;
        if (term !== null && term.lastChunk !== chunk) {
          term.lastChunk = chunk;
          term.chunks += 1;
        }
      }
    }
    this.chunkCount = chunk + 1;
  }
}
