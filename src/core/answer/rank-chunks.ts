/**
 * Ranking: combining MiniSearch's two result lists — chunks (heading, body) and their documents'
 * descriptors (title, tags) — into one score per chunk, the way a single index would score all four
 * fields, and keeping only the best few as they stream past. Descriptors are indexed once per document
 * rather than on every chunk: on a 10,000-chunk base they were 45% of the postings a question walked.
 */
import type { SearchResult } from 'minisearch';

/** A match: MiniSearch's sum of field scores before its matched-terms multiplier, and the terms. */
export interface Match {
  raw: number;
  queryTerms: readonly string[];
  terms: readonly string[];
}

export interface RankedChunk {
  /** Position in the base. */
  id: number;
  score: number;
  queryTerms: readonly string[];
  terms: readonly string[];
}

export const matchOf = (result: SearchResult): Match => ({ raw: result.score / Math.max(1, result.queryTerms.length), queryTerms: result.queryTerms, terms: result.terms });

/** What ranking needs to know about the base's layout. */
export interface RankLayout {
  chunkCount: number;
  /** Per chunk position, its descriptor. */
  descriptorOf: readonly number[];
  /** Per descriptor, the positions of its chunks. */
  descriptorChunks: readonly (readonly number[])[];
  /** Multiplier for a chunk (the side boost), and the largest it can be. */
  sideFactor: (id: number) => number;
  maxSideFactor: number;
}

/**
 * The best `limit` chunks. A chunk's score is MiniSearch's: the sum of its field scores — its own
 * heading and body, plus its descriptor's title and tags — times the number of query terms matched in
 * any of them; then the side boost. Nothing is allocated for a chunk unless it makes the cut.
 */
export function rankChunks(chunkResults: readonly SearchResult[], descriptors: ReadonlyMap<number, Match>, layout: RankLayout, limit: number): RankedChunk[] {
  const top: RankedChunk[] = [];
  let cutoff = 0;
  const keep = (id: number, score: number, own: Match | undefined, descriptor: Match | undefined) => {
    const queryTerms = [...new Set([...(own?.queryTerms ?? []), ...(descriptor?.queryTerms ?? [])])];
    const terms = [...new Set([...(own?.terms ?? []), ...(descriptor?.terms ?? [])])];
    // Sorted, at most `limit` long; ties keep the order they arrived in.
    let i = top.length;
    while (i > 0 && (top[i - 1] as RankedChunk).score < score) i--;
    top.splice(i, 0, { id, score, queryTerms, terms });
    if (top.length > limit) top.pop();
    if (top.length === limit) cutoff = (top[limit - 1] as RankedChunk).score;
  };
  for (const result of chunkResults) {
    const id = result.id as number;
    const descriptor = descriptors.size ? descriptors.get(layout.descriptorOf[id] ?? -1) : undefined;
    let score = result.score;
    if (descriptor) {
      let extra = 0;
      for (const term of descriptor.queryTerms) if (!result.queryTerms.includes(term)) extra += 1;
      const own = result.queryTerms.length;
      score = (result.score / own + descriptor.raw) * (own + extra);
    }
    score *= layout.sideFactor(id);
    if (score > cutoff) keep(id, score, matchOf(result), descriptor);
  }
  // Chunks matched only through their descriptor: skip a descriptor whose best possible score cannot
  // make the cut, else look at its chunks that the chunk search did not return.
  let matched: Uint8Array | undefined;
  for (const [descriptorId, descriptor] of descriptors) {
    const descriptorScore = descriptor.raw * descriptor.queryTerms.length;
    if (descriptorScore * layout.maxSideFactor <= cutoff) continue;
    if (!matched) {
      matched = new Uint8Array(layout.chunkCount);
      for (const result of chunkResults) matched[result.id as number] = 1;
    }
    for (const id of layout.descriptorChunks[descriptorId] ?? []) {
      const score = descriptorScore * layout.sideFactor(id);
      if (score > cutoff && !matched[id]) keep(id, score, undefined, descriptor);
    }
  }
  return top;
}
