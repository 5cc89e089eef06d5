/**
 * Ranking: combining MiniSearch's two result lists — chunks (heading, body) and their documents'
 * descriptors (title, tags) — into one score per chunk, the way a single index would score all four
 * fields, and keeping only the best few as they stream past. Descriptors are indexed once per document
 * rather than on every chunk: on a 10,000-chunk base they were 45% of the postings a question walked.
 *
 * Chunk matches arrive unsorted (in MiniSearch's match order): sorting every match of a question on a
 * 100,000-chunk base only to keep ten was about a fifth of its time. Ties are broken exactly as if they had
 * arrived sorted by MiniSearch's score (higher first, then match order), so the result is the same.
 */
/** A chunk match as MiniSearch scores it: `score` includes its matched-terms multiplier. */
export interface ChunkMatch {
  /** Position in the base. */
  id: number;
  score: number;
  /** The query terms matched. */
  queryTerms: readonly string[];
  /** The chunk's own terms matched, as keys (MiniSearch's `match`). */
  match: object;
}

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

export const matchOf = (result: { score: number; queryTerms: readonly string[]; terms: readonly string[] }): Match => ({
  raw: result.score / Math.max(1, result.queryTerms.length),
  queryTerms: result.queryTerms,
  terms: result.terms,
});

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

/** A kept chunk and where it would have arrived in MiniSearch's sorted list, for breaking ties. */
interface Kept extends RankedChunk {
  /** MiniSearch's own score; −∞ for chunks matched only through their descriptor (they came last). */
  searchScore: number;
  arrival: number;
}

/** Would `a` have been ranked above `b`: higher score, else the one MiniSearch's sorted list gave first. */
const ranksAbove = (a: Kept, b: Kept) =>
  a.score > b.score || (a.score === b.score && (a.searchScore > b.searchScore || (a.searchScore === b.searchScore && a.arrival < b.arrival)));

/**
 * The best `limit` chunks. A chunk's score is MiniSearch's: the sum of its field scores — its own
 * heading and body, plus its descriptor's title and tags — times the number of query terms matched in
 * any of them; then the side boost. Nothing is allocated for a chunk unless it makes the cut.
 */
export function rankChunks(chunkMatches: Iterable<ChunkMatch>, descriptors: ReadonlyMap<number, Match>, layout: RankLayout, limit: number): RankedChunk[] {
  const top: Kept[] = [];
  let cutoff = 0;
  let arrival = 0;
  const keep = (candidate: Omit<Kept, 'queryTerms' | 'terms'>, own: Match | undefined, descriptor: Match | undefined) => {
    const queryTerms = [...new Set([...(own?.queryTerms ?? []), ...(descriptor?.queryTerms ?? [])])];
    const terms = [...new Set([...(own?.terms ?? []), ...(descriptor?.terms ?? [])])];
    const kept: Kept = { ...candidate, queryTerms, terms };
    // Sorted, at most `limit` long.
    let i = top.length;
    while (i > 0 && ranksAbove(kept, top[i - 1] as Kept)) i--;
    if (i >= limit) return;
    top.splice(i, 0, kept);
    if (top.length > limit) top.pop();
    if (top.length === limit) cutoff = (top[limit - 1] as Kept).score;
  };
  // Chunks the chunk search returned, so the descriptor pass below does not count them twice.
  const matched = descriptors.size ? new Uint8Array(layout.chunkCount) : undefined;
  for (const result of chunkMatches) {
    const { id } = result;
    if (matched) matched[id] = 1;
    const descriptor = descriptors.size ? descriptors.get(layout.descriptorOf[id] ?? -1) : undefined;
    let score = result.score;
    if (descriptor) {
      let extra = 0;
      for (const term of descriptor.queryTerms) if (!result.queryTerms.includes(term)) extra += 1;
      const own = result.queryTerms.length;
      score = (result.score / own + descriptor.raw) * (own + extra);
    }
    score *= layout.sideFactor(id);
    // At the cut-off a tie may still win: an unsorted match can have arrived late.
    if (score > 0 && score >= cutoff) {
      const own = matchOf({ score: result.score, queryTerms: result.queryTerms, terms: Object.keys(result.match) });
      keep({ id, score, searchScore: result.score, arrival }, own, descriptor);
    }
    arrival += 1;
  }
  // Chunks matched only through their descriptor: skip a descriptor whose best possible score cannot
  // make the cut, else look at its chunks that the chunk search did not return.
  for (const [descriptorId, descriptor] of descriptors) {
    const descriptorScore = descriptor.raw * descriptor.queryTerms.length;
    if (descriptorScore * layout.maxSideFactor <= cutoff) continue;
    for (const id of layout.descriptorChunks[descriptorId] ?? []) {
      const score = descriptorScore * layout.sideFactor(id);
      if (score > cutoff && !matched?.[id]) keep({ id, score, searchScore: Number.NEGATIVE_INFINITY, arrival: arrival++ }, undefined, descriptor);
    }
  }
  return top.map(({ id, score, queryTerms, terms }) => ({ id, score, queryTerms, terms }));
}
