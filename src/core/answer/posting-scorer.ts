/**
 * Scores a query over a MiniSearch index's own postings with typed-array accumulators, doing exactly the
 * arithmetic of MiniSearch's BM25+ `executeQuery`, in the same order, so every score is the same float and
 * the matches come out in the same order. Why: MiniSearch builds a result object (score, terms, match) per
 * matching document and per query term, then merges them — on a 100,000-chunk base that was most of a
 * question's time and garbage. Here a match is a slot in a few arrays sized to the index, reused per query.
 *
 * It reads MiniSearch internals (`_index`, `_fieldLength`, `_avgFieldLength`, …). `PostingScorer.for`
 * returns undefined when they are not what this expects, and the caller uses MiniSearch's own search;
 * `tests/core/posting-scorer.test.ts` checks the two agree score for score.
 */
import type MiniSearch from 'minisearch';

/** The parts of a MiniSearch index this reads. */
interface Internals {
  _index: { get(term: string): FieldPostings | undefined; atPrefix(prefix: string): Iterable<[string, FieldPostings]> };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
  _options: { fields: string[]; searchOptions: { bm25: { k: number; b: number; d: number } } };
}
/** Per field id, document (short id) → term frequency. */
type FieldPostings = Map<number, Map<number, number>>;
/** A term of the index a query term matched (itself, or a longer word by prefix) and its weight. */
interface DerivedTerm {
  term: string;
  postings: FieldPostings;
  weight: number;
}

export interface ScoreOptions {
  boost: Record<string, number>;
  prefixWeight: number;
  prefix: (term: string) => boolean;
  boostTerm: (term: string) => number;
}

/** Matches of one query, valid until the next query on the same scorer. */
export interface PostingMatches {
  readonly size: number;
  /** Per match, the document's id as it was added. */
  readonly ids: Int32Array;
  /** Per match, MiniSearch's score: the sum of weighted field scores times the number of query terms matched. */
  readonly scores: Float64Array;
  /** The query terms matched, in query order (MiniSearch's `queryTerms`). */
  queryTerms(i: number): readonly string[];
  /** The document's own terms matched, in the order `Object.keys` gives MiniSearch's `match`. */
  documentTerms(i: number): string[];
}

/** The most distinct query terms a match can carry as a bit set; longer queries use MiniSearch's search. */
const MAX_TERMS = 32;

/** The number of bits set: the distinct query terms a match carries. */
function bitCount(mask: number): number {
  let n = mask - ((mask >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export class PostingScorer {
  private readonly fieldCount: number;
  private readonly fieldLength: Float64Array;
  private readonly externalIds: number[];
  /** Per document: the running total, this query term's part of it, and the query terms matched (bits). */
  private readonly total: Float64Array;
  private readonly termScore: Float64Array;
  private readonly termMask: Uint32Array;
  /** Per document, the query term that last touched it (1-based, per query), so nothing is reset per term. */
  private readonly lastTerm: Uint32Array;
  private readonly touched: Int32Array;
  /** Documents in MiniSearch's match order: first touch, query term by query term. */
  private readonly arrival: Int32Array;
  /** Per match (by arrival): its id and MiniSearch's score, what ranking reads. */
  private readonly matchIds: Int32Array;
  private readonly matchScores: Float64Array;
  private stamp = 0;
  private busy = false;

  private constructor(private readonly index: Internals) {
    const size = index._nextId;
    this.fieldCount = index._options.fields.length;
    this.fieldLength = new Float64Array(size * this.fieldCount);
    this.externalIds = new Array(size);
    for (const [shortId, lengths] of index._fieldLength) {
      for (let f = 0; f < this.fieldCount; f++) this.fieldLength[shortId * this.fieldCount + f] = lengths[f] ?? 0;
    }
    for (const [shortId, id] of index._documentIds) this.externalIds[shortId] = id as number;
    this.total = new Float64Array(size);
    this.termScore = new Float64Array(size);
    this.termMask = new Uint32Array(size);
    this.lastTerm = new Uint32Array(size);
    this.touched = new Int32Array(size);
    this.arrival = new Int32Array(size);
    this.matchIds = new Int32Array(size);
    this.matchScores = new Float64Array(size);
  }

  /** A scorer over `search`'s index, or undefined when its internals are not the ones this reads. */
  static for(search: MiniSearch<never> | MiniSearch<object>): PostingScorer | undefined {
    const index = search as unknown as Partial<Internals>;
    const looksRight =
      index._index !== undefined &&
      typeof index._index.get === 'function' &&
      typeof index._index.atPrefix === 'function' &&
      index._fieldLength instanceof Map &&
      Array.isArray(index._avgFieldLength) &&
      index._documentIds instanceof Map &&
      typeof index._documentCount === 'number' &&
      typeof index._nextId === 'number' &&
      // Removed documents leave postings MiniSearch cleans up while searching; this index never removes any.
      index._documentCount === index._documentIds.size &&
      index._documentIds.size === index._nextId &&
      Array.isArray(index._options?.fields) &&
      typeof index._options?.searchOptions?.bm25?.k === 'number';
    return looksRight ? new PostingScorer(index as Internals) : undefined;
  }

  /**
   * Scores `terms` (already processed, in query order) and hands the matches to `use`, which must finish
   * with them before returning: the arrays are reused by the next query. Undefined for a query too long
   * to score here; the caller then searches with MiniSearch.
   */
  score<T>(terms: readonly string[], options: ScoreOptions, use: (matches: PostingMatches) => T): { value: T } | undefined {
    const distinct = [...new Set(terms)];
    if (distinct.length > MAX_TERMS || this.busy) return undefined;
    this.busy = true;
    let arrived = 0;
    try {
      const derived: DerivedTerm[][] = [];
      for (const term of terms) {
        const bit = 1 << distinct.indexOf(term);
        const matched = this.scoreTerm(term, options);
        derived.push(matched.derived);
        for (let t = 0; t < matched.count; t++) {
          const doc = this.touched[t] as number;
          if (this.termMask[doc] === 0) this.arrival[arrived++] = doc;
          // `0 + x` is exactly x, so a zeroed total matches MiniSearch's first assignment.
          this.total[doc] = (this.total[doc] as number) + (this.termScore[doc] as number);
          this.termMask[doc] = (this.termMask[doc] as number) | bit;
        }
      }
      const termLists = new Map<number, readonly string[]>();
      const queryTerms = (doc: number) => {
        const mask = this.termMask[doc] as number;
        let list = termLists.get(mask);
        if (!list) {
          list = distinct.filter((_, j) => mask & (1 << j));
          termLists.set(mask, list);
        }
        return list;
      };
      for (let i = 0; i < arrived; i++) {
        const doc = this.arrival[i] as number;
        this.matchIds[i] = this.externalIds[doc] as number;
        this.matchScores[i] = (this.total[doc] as number) * bitCount(this.termMask[doc] as number);
      }
      const matches: PostingMatches = {
        size: arrived,
        ids: this.matchIds.subarray(0, arrived),
        scores: this.matchScores.subarray(0, arrived),
        queryTerms: (i) => queryTerms(this.arrival[i] as number),
        documentTerms: (i) => this.documentTerms(this.arrival[i] as number, derived),
      };
      return { value: use(matches) };
    } finally {
      for (let i = 0; i < arrived; i++) {
        const doc = this.arrival[i] as number;
        this.total[doc] = 0;
        this.termMask[doc] = 0;
      }
      this.busy = false;
    }
  }

  /**
   * One query term: the exact term, then its longer prefix matches, each field in order — MiniSearch's
   * `executeQuerySpec`. Leaves the term's score per document in `termScore` and the documents in `touched`.
   */
  private scoreTerm(term: string, options: ScoreOptions) {
    this.stamp += 1;
    const stamp = this.stamp;
    let count = 0;
    const termBoost = options.boostTerm(term);
    const derived: DerivedTerm[] = [];
    const exact = this.index._index.get(term);
    if (exact) derived.push({ term, postings: exact, weight: 1 });
    if (options.prefix(term)) {
      for (const [longer, postings] of this.index._index.atPrefix(term)) {
        const distance = longer.length - term.length;
        if (!distance) continue;
        derived.push({ term: longer, postings, weight: (options.prefixWeight * longer.length) / (longer.length + 0.3 * distance) });
      }
    }
    const { k, b, d } = this.index._options.searchOptions.bm25;
    const documentCount = this.index._documentCount;
    for (const { postings, weight: termWeight } of derived) {
      for (const field of this.index._options.fields) {
        const fieldId = this.index._fieldIds[field] as number;
        const frequencies = postings.get(fieldId);
        if (!frequencies) continue;
        const fieldBoost = options.boost[field] || 1;
        // The same expressions as MiniSearch's termResults / calcBM25Score, hoisted where they do not vary.
        const matching = frequencies.size;
        const inverseFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        const weight = termWeight * termBoost * fieldBoost * 1;
        const average = this.index._avgFieldLength[fieldId] as number;
        for (const [doc, frequency] of frequencies) {
          const length = this.fieldLength[doc * this.fieldCount + fieldId] as number;
          const raw = inverseFrequency * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / average)));
          const score = weight * raw;
          if (this.lastTerm[doc] !== stamp) {
            this.lastTerm[doc] = stamp;
            this.termScore[doc] = score;
            this.touched[count++] = doc;
          } else this.termScore[doc] = (this.termScore[doc] as number) + score;
        }
      }
    }
    return { count, derived };
  }

  /** The document's matched terms, inserted in MiniSearch's order into an object, so `Object.keys` orders them as its `match`. */
  private documentTerms(doc: number, derived: readonly (readonly DerivedTerm[])[]): string[] {
    const match: Record<string, true> = {};
    for (const list of derived) {
      for (const { term, postings } of list) {
        for (const frequencies of postings.values()) {
          if (frequencies.has(doc)) {
            match[term] = true;
            break;
          }
        }
      }
    }
    return Object.keys(match);
  }
}
