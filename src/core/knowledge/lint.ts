/**
 * Checks that need the whole base rather than one file: ids unique across files, and every chunk
 * attributable to a source (a chunk the bot cannot cite must never be served).
 */
import type { Chunk, KnowledgeIssue } from './schema.ts';

export function lintKnowledge(
  docs: { id: string; file: string; line: number }[],
  chunks: Chunk[],
  /** Display path for a chunk's knowledge-relative file. */
  display: (relativeFile: string) => string,
): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const firstDoc = new Map<string, { file: string; line: number }>();
  for (const doc of docs) {
    const earlier = firstDoc.get(doc.id);
    if (earlier) {
      issues.push({
        file: doc.file,
        line: doc.line,
        severity: 'error',
        code: 'duplicate-id',
        message: `duplicate document id \`${doc.id}\` (also in ${earlier.file}:${earlier.line}) — give each file its own \`id\``,
      });
    } else firstDoc.set(doc.id, doc);
  }
  for (const chunk of chunks) {
    if (!chunk.source?.publisher?.trim() || !chunk.source.title?.trim()) {
      issues.push({
        file: display(chunk.file),
        line: chunk.line,
        severity: 'error',
        code: 'no-source',
        message: `section "${chunk.heading}" has no source — add \`source: { publisher: …, title: … }\` to the file's front matter`,
      });
    }
  }
  return issues;
}
