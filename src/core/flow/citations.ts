/**
 * A recommendation's sources, numbered once for every renderer (text, JSON, Slack, Discord) in the order
 * they show them: the reasons, then the runner-up's best case, then the hybrid path.
 */
import type { Citation } from '../answer/types.ts';
import type { Recommendation } from './types.ts';

export interface NumberedCitations {
  /** Distinct citations, `[1]` first. */
  citations: Citation[];
  /** The 1-based number of a citation of this recommendation. */
  numberOf(citation: Citation): number;
}

export function numberCitations(rec: Recommendation): NumberedCitations {
  const byChunk = new Map<string, Citation>();
  for (const cited of [...rec.reasons, rec.runnerUp.bestCase, rec.hybrid]) {
    if (cited && !byChunk.has(cited.citation.chunkId)) byChunk.set(cited.citation.chunkId, cited.citation);
  }
  const citations = [...byChunk.values()];
  const index = new Map(citations.map((c, i) => [c.chunkId, i + 1]));
  return { citations, numberOf: (citation) => index.get(citation.chunkId) ?? 0 };
}
