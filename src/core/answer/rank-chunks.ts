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
/**
 * Chunk matches as MiniSearch scores them, in its match order, read by position (no object per match).
 * `score` includes the matched-terms multiplier; `id` is the chunk's position in the base.
 */
export interface ChunkMatches {
  readonly size: number;
  /** Per match, the chunk's position in the base. */
  readonly ids: ArrayLike<number>;
  /** Per match, MiniSearch's score. */
  readonly scores: ArrayLike<number>;
  /** The query terms matched. */
  queryTerms(i: number): readonly string[];
  /** The chunk's own terms matched (MiniSearch's `match` keys). */
  documentTerms(i: number): readonly string[];
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
  /** Per chunk position, its multiplier (the side boost; none: 1), and the largest it can be. */
  sideFactors: ArrayLike<number> | undefined;
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
export function rankChunks(chunkMatches: ChunkMatches, descriptors: ReadonlyMap<number, Match>, layout: RankLayout, limit: number): RankedChunk[] {
  const top: Kept[] = [];
  let cutoff = 0;
  let arrival = 0;
  /** `ownMatch` is only worked out for a chunk that makes the cut (its terms cost a walk of the postings). */
  const keep = (candidate: Omit<Kept, 'queryTerms' | 'terms'>, ownMatch: () => Match | undefined, descriptor: Match | undefined) => {
    // Sorted, at most `limit` long.
    let i = top.length;
    while (i > 0 && ranksAbove(candidate as Kept, top[i - 1] as Kept)) i--;
    if (i >= limit) return;
    const own = ownMatch();
    const queryTerms = [...new Set([...(own?.queryTerms ?? []), ...(descriptor?.queryTerms ?? [])])];
    const terms = [...new Set([...(own?.terms ?? []), ...(descriptor?.terms ?? [])])];
    const kept: Kept = { ...candidate, queryTerms, terms };
    top.splice(i, 0, kept);
    if (top.length > limit) top.pop();
    if (top.length === limit) cutoff = (top[limit - 1] as Kept).score;
  };
  // Chunks the chunk search returned, so the descriptor pass below does not count them twice.
  const matched = descriptors.size ? new Uint8Array(layout.chunkCount) : undefined;
  // By descriptor id: read once per chunk match, an array index is cheaper than a map lookup.
  const descriptorMatch: (Match | undefined)[] = [];
  for (const [descriptorId, match] of descriptors) descriptorMatch[descriptorId] = match;
  const { ids, scores } = chunkMatches;
  const sideFactors = layout.sideFactors;
  for (let i = 0; i < chunkMatches.size; i++) {
    const id = ids[i] as number;
    if (matched) matched[id] = 1;
    const descriptor = descriptors.size ? descriptorMatch[layout.descriptorOf[id] ?? -1] : undefined;
    const searchScore = scores[i] as number;
    let score = searchScore;
    if (descriptor) {
      const queryTerms = chunkMatches.queryTerms(i);
      let extra = 0;
      for (const term of descriptor.queryTerms) if (!queryTerms.includes(term)) extra += 1;
      const own = queryTerms.length;
      score = (searchScore / own + descriptor.raw) * (own + extra);
    }
    if (sideFactors) score *= sideFactors[id] as number;
    // At the cut-off a tie may still win: an unsorted match can have arrived late.
    if (score > 0 && score >= cutoff) {
      const own = () => matchOf({ score: searchScore, queryTerms: chunkMatches.queryTerms(i), terms: chunkMatches.documentTerms(i) });
      keep({ id, score, searchScore, arrival }, own, descriptor);
    }
    arrival += 1;
  }
  // Chunks matched only through their descriptor: skip a descriptor whose best possible score cannot
  // make the cut, else look at its chunks that the chunk search did not return.
  for (const [descriptorId, descriptor] of descriptors) {
    const descriptorScore = descriptor.raw * descriptor.queryTerms.length;
    if (descriptorScore * layout.maxSideFactor <= cutoff) continue;
    for (const id of layout.descriptorChunks[descriptorId] ?? []) {
      const score = sideFactors ? descriptorScore * (sideFactors[id] as number) : descriptorScore;
      if (score > cutoff && !matched?.[id]) keep({ id, score, searchScore: Number.NEGATIVE_INFINITY, arrival: arrival++ }, () => undefined, descriptor);
    }
  }
  return top.map(({ id, score, queryTerms, terms }) => ({ id, score, queryTerms, terms }));
}
