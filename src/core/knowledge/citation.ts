import type { Citation } from '../answer/types.ts';
import type { Chunk } from './schema.ts';

/** The citation shown under a snippet from `chunk`: the source article, its publisher and the section. */
export function citationOf(chunk: Chunk): Citation {
  const { title, publisher, url, date } = chunk.source;
  return { title, source: publisher, ...(url ? { url } : {}), section: chunk.heading, date, chunkId: chunk.id };
}
