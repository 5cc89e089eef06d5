/**
 * One loaded, validated, indexed knowledge base plus its flow. Immutable once built: reload builds a
 * new snapshot aside and the Desk swaps the reference, so readers never see a half-built base.
 */
import type { Citation } from '../answer/types.ts';
import type { FrameworkList } from '../answer/frameworks.ts';
import type { KnowledgeIndex } from '../answer/search-index.ts';
import type { FlowDefinition } from '../flow/schema.ts';
import type { Disagreements } from './disagreements.ts';
import type { Chunk } from './schema.ts';

export interface KnowledgeSnapshot {
  /** Number of knowledge documents (Markdown files). */
  documents: number;
  chunks: Chunk[];
  chunkById: ReadonlyMap<string, Chunk>;
  index: KnowledgeIndex;
  /** The frameworks `frameworks.yaml` declares (the same list the index reads). */
  frameworks: FrameworkList;
  flow: FlowDefinition;
  /** Curated notes on where the sources disagree (`disagreements.yaml`). */
  disagreements: Disagreements;
  /** Citation for a chunk id; throws only for ids the loader already validated exist. */
  citationFor(chunkId: string): Citation;
  loadedAt: Date;
}
