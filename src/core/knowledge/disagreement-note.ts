/**
 * The "sources differ" line an answer carries. Apart from `disagreements.ts` (the file's parser) so that
 * answering imports neither yaml nor zod: a CLI started from the snapshot cache never loads them.
 */
import type { Disagreements } from './disagreements.ts';
import type { Chunk } from './schema.ts';

/**
 * The note for an answer citing `cited` (chunk ids, best first): the first curated disagreement one of
 * them takes part in, naming every claim with its source and date. `undefined` when none applies.
 */
export function disagreementNote(disagreements: Disagreements, cited: readonly string[], chunkById: ReadonlyMap<string, Chunk>): string | undefined {
  for (const id of cited) {
    const entry = disagreements.find((d) => d.explained_in === id || d.claims.some((c) => c.section === id));
    if (!entry) continue;
    const claims = entry.claims.map((c) => {
      const source = chunkById.get(c.section)?.source;
      const when = source && source.date !== 'undated' ? `, ${source.date.slice(0, 4)}` : ', undated';
      // "Tech Matchups (publisher not named in the article)" → "Tech Matchups": the citation keeps the rest.
      const who = source?.publisher.replace(/\s*\([^)]*\)\s*$/, '') ?? c.section;
      return `${who}${when}: ${c.says}`;
    });
    return `Sources differ on ${entry.topic} — ${claims.join('; ')}.`;
  }
  return undefined;
}
