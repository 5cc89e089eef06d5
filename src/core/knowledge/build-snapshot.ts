/**
 * The last step of a load: validated parts → an indexed, immutable snapshot. Its own file, free of zod and
 * yaml, because a start-up from the snapshot cache (`snapshot-cache.ts`) builds the same snapshot from the
 * same parts without validating them again.
 */
import type { FrameworkList } from '../answer/frameworks.ts';
import { KnowledgeIndex } from '../answer/search-index.ts';
import type { FlowDefinition } from '../flow/schema.ts';
import { citationOf } from './citation.ts';
import type { Disagreements } from './disagreements.ts';
import type { Chunk } from './schema.ts';
import type { KnowledgeSnapshot } from './snapshot.ts';
import type { Synonyms } from './synonyms.ts';

export function buildSnapshot(
  documents: number,
  chunks: Chunk[],
  synonyms: Synonyms,
  frameworks: FrameworkList,
  flow: FlowDefinition,
  disagreements: Disagreements,
): KnowledgeSnapshot {
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  return {
    documents,
    chunks,
    chunkById,
    index: new KnowledgeIndex(chunks, synonyms, frameworks),
    frameworks,
    flow,
    disagreements,
    loadedAt: new Date(),
    citationFor(chunkId: string) {
      const chunk = chunkById.get(chunkId);
      if (!chunk) throw new Error(`unknown knowledge chunk "${chunkId}" — the loader should have rejected the reference`);
      return citationOf(chunk);
    },
  };
}
