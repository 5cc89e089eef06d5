/**
 * Fills a fresh MiniSearch index from words the caller already has, in one pass, instead of one `add`
 * per document. Why: `add` re-tokenizes (or looks up) each field, builds a `Set` per field, stems each
 * token through a callback and does a map read and write per token occurrence — on a 100,000-chunk
 * reload that was the largest part of the build. Here the words arrive as records of a `WordTable`
 * (each resolved to its term once per base), a document's term frequencies are counted on the term
 * records, and each posting is written once.
 *
 * The result is the index `add` builds, entry for entry and in the same order (terms enter the radix
 * tree on first occurrence, a term's fields and documents in the order `add` would meet them);
 * `tests/core/direct-postings.test.ts` compares `toJSON()` on the real base and a synthetic one.
 * Document ids and field lengths go through MiniSearch's own `addDocumentId` / `addFieldLength`, so
 * the averages are the same floats. It reads MiniSearch 7 internals; `DirectPostings.for` returns
 * undefined when they are not there (or the index is not empty), and the caller uses `add`.
 */
import type { Postings, TermRecord, WordRecord } from './word-table.ts';

interface Internals {
  _index: { fetch(term: string, init: () => Postings): Postings; size: number };
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _options: { fields: string[]; storeFields?: string[] };
  addDocumentId(id: unknown): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

export class DirectPostings {
  /** Terms of the field being added, in order of first occurrence (reused between fields). */
  private readonly touched: TermRecord[] = [];
  private readonly createPostings = (): Postings => new Map();

  private constructor(
    private readonly index: Internals,
    private readonly fieldCount: number,
  ) {}

  /** A builder for `search` (empty, no stored fields), or undefined when MiniSearch's internals changed. */
  static for(search: object): DirectPostings | undefined {
    const index = search as unknown as Partial<Internals>;
    const usable =
      typeof index._index?.fetch === 'function' &&
      index._index.size === 0 &&
      index._documentCount === 0 &&
      typeof index.addDocumentId === 'function' &&
      typeof index.addFieldLength === 'function' &&
      Array.isArray(index._options?.fields) &&
      !index._options.storeFields?.length &&
      index._options.fields.every((field, i) => index._fieldIds?.[field] === i);
    return usable ? new DirectPostings(index as Internals, (index as Internals)._options.fields.length) : undefined;
  }

  /**
   * Adds a document: `fieldWords[i]` is the records of the words the tokenizer would give for field `i`
   * (in `fields` order), all from one `WordTable` (its term records hold the postings).
   */
  add(id: number, fieldWords: readonly (readonly WordRecord[])[]): void {
    const shortId = this.index.addDocumentId(id);
    for (let fieldId = 0; fieldId < this.fieldCount; fieldId++) {
      const tokens = fieldWords[fieldId];
      if (tokens === undefined) continue;
      const slot = shortId * this.fieldCount + fieldId;
      let distinct = 0;
      for (const word of tokens) {
        if (word.seenIn !== slot) {
          word.seenIn = slot;
          distinct += 1;
        }
        const term = word.term;
        if (term === null) continue;
        if (term.countedIn !== slot) {
          term.countedIn = slot;
          term.frequency = 1;
          this.touched.push(term);
        } else term.frequency += 1;
      }
      // `add` records the field length (distinct tokens) before it writes the field's postings.
      this.index.addFieldLength(shortId, fieldId, this.index._documentCount - 1, distinct);
      for (const term of this.touched) this.post(term, fieldId, shortId);
      this.touched.length = 0;
    }
  }

  private post(term: TermRecord, fieldId: number, shortId: number): void {
    let documents = term.fields[fieldId];
    if (documents === undefined) {
      if (term.postings === undefined) term.postings = this.index._index.fetch(term.term, this.createPostings);
      documents = term.postings.get(fieldId);
      if (documents === undefined) {
        documents = new Map();
        term.postings.set(fieldId, documents);
      }
      term.fields[fieldId] = documents;
    }
    documents.set(shortId, term.frequency);
  }
}
