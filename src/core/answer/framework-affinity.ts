/**
 * How much a chunk is about each framework: its share of the chunk's framework mentions, a heading
 * mention counting triple. A question naming one framework prefers chunks about it (the side boost in
 * `rank-chunks.ts`), so "can pytorch run on tpus?" reads PyTorch's TPU story before TensorFlow's.
 */
import type { Framework } from '../knowledge/schema.ts';

export type FrameworkShares = Record<Framework, number>;

/**
 * Each of `all` frameworks' share of the mentions in a chunk; a chunk naming none follows its file's
 * list (`declared`).
 */
export function frameworkShares(heading: readonly string[], body: readonly string[], declared: readonly Framework[], all: readonly Framework[]): FrameworkShares {
  // Counted in loops, not `filter(…).length`: this runs for every chunk of a reload.
  const occurrences = (words: readonly string[], f: Framework) => {
    let n = 0;
    for (const w of words) if (w === f) n += 1;
    return n;
  };
  const count = (f: Framework) => 3 * occurrences(heading, f) + occurrences(body, f);
  const counts = all.map(count);
  const total = counts.reduce((a, b) => a + b, 0);
  const shares: FrameworkShares = {};
  all.forEach((f, i) => {
    shares[f] = total === 0 ? (declared.includes(f) ? 1 / Math.max(1, declared.length) : 0) : (counts[i] ?? 0) / total;
  });
  return shares;
}
