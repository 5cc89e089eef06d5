/**
 * What the serving knowledge base contains, file by file: the admin page's Knowledge view. Built from
 * the snapshot's chunks, so it always describes exactly the base that answers questions right now.
 */
import type { KnowledgeSnapshot } from './snapshot.ts';
import type { Chunk, Source } from './schema.ts';

/** One knowledge file with its source and its `##` sections, in file order. */
export interface KnowledgeFile {
  /** Path relative to the knowledge dir. */
  file: string;
  docId: string;
  title: string;
  source: Source;
  frameworks: Chunk['frameworks'];
  kind: Chunk['kind'];
  sections: { chunkId: string; heading: string; line: number }[];
}

/** The files of a snapshot, sorted by path, each with its sections by line. */
export function describeKnowledge(snapshot: Pick<KnowledgeSnapshot, 'chunks'>): KnowledgeFile[] {
  const files = new Map<string, KnowledgeFile>();
  for (const chunk of snapshot.chunks) {
    let entry = files.get(chunk.file);
    if (!entry) {
      entry = { file: chunk.file, docId: chunk.docId, title: chunk.docTitle, source: chunk.source, frameworks: chunk.frameworks, kind: chunk.kind, sections: [] };
      files.set(chunk.file, entry);
    }
    entry.sections.push({ chunkId: chunk.id, heading: chunk.heading, line: chunk.line });
  }
  for (const entry of files.values()) entry.sections.sort((a, b) => a.line - b.line);
  return [...files.values()].sort((a, b) => a.file.localeCompare(b.file));
}
