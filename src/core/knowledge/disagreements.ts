/**
 * `knowledge/disagreements.yaml`: where the sources disagree, curated by an editor. A "sources differ"
 * note comes only from here — two numbers found near each other are often not the same claim (a
 * production share beside a research share) — and names each claim with its source and date.
 *
 * @example
 * - topic: PyTorch's share of research papers
 *   claims:
 *     - { section: techmatchups-community#share-of-deep-learning-papers-on-arxiv-in-2023, says: 72% in 2023 }
 *     - { section: comparison-2025-research-ecosystem#research-papers-on-arxiv-about-78-pytorch-in-2024, says: about 78% in 2024 }
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import type { KnowledgeIssue } from './schema.ts';

const SectionRef = z.string().regex(/^[a-z0-9][a-z0-9-]*#[a-z0-9-]+$/, 'use `document-id#section-slug`, as `npm run kb:check --list` shows');

export const DisagreementsSchema = z.array(
  z
    .object({
      topic: z.string().trim().min(1),
      explained_in: SectionRef.optional(),
      claims: z.array(z.object({ section: SectionRef, says: z.string().trim().min(1) }).strict()).min(2, 'a disagreement needs at least two claims'),
    })
    .strict(),
);
export type Disagreements = z.infer<typeof DisagreementsSchema>;

/** Line of the node at `path` (entry index, key, …) in the parsed document, for messages. */
function lineAt(root: Node | null, path: readonly PropertyKey[], lines: LineCounter): number {
  let node: unknown = root;
  let offset = 0;
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else if (isMap(node)) node = node.get(String(key), true);
    else break;
    const range = (node as { range?: [number, number] } | undefined)?.range;
    if (range) offset = range[0];
  }
  return lines.linePos(offset).line;
}

/** Parses and checks the file: every section a claim names must exist in the base. */
export function parseDisagreements(text: string, file: string, chunkIds: ReadonlySet<string>): { disagreements: Disagreements; issues: KnowledgeIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const issue = (line: number, message: string, code = 'disagreements'): KnowledgeIssue => ({ file, line, message, severity: 'error', code });
  if (doc.errors.length > 0) {
    return {
      disagreements: [],
      issues: doc.errors.map((e) => issue(lines.linePos(e.pos[0]).line, `not valid YAML: ${e.message.split('\n')[0]} — check indentation and quoting`, 'yaml')),
    };
  }
  const parsed = DisagreementsSchema.safeParse(doc.toJS() ?? []);
  if (!parsed.success) {
    return {
      disagreements: [],
      issues: parsed.error.issues.map((zi) =>
        issue(
          lineAt(doc.contents, zi.path, lines),
          `${zi.path.length ? `\`${zi.path.join('.')}\`: ` : ''}${zi.message} — expected a list of { topic, claims: [{ section, says }, …] }`,
        ),
      ),
    };
  }
  // A section renamed or removed drops only the notes that cite it (a warning): the base still loads.
  const issues: KnowledgeIssue[] = [];
  const kept = parsed.data.filter((entry, i) => {
    const refs: [PropertyKey[], string][] = entry.claims.map((c, j) => [[i, 'claims', j, 'section'], c.section]);
    if (entry.explained_in) refs.push([[i, 'explained_in'], entry.explained_in]);
    const broken = refs.filter(([, ref]) => !chunkIds.has(ref));
    for (const [path, ref] of broken) {
      const message = `no knowledge section \`${ref}\` — this note is left out until the reference is fixed (check the document id and the heading's slug)`;
      issues.push({ ...issue(lineAt(doc.contents, path, lines), message, 'unknown-section'), severity: 'warning' });
    }
    return broken.length === 0;
  });
  return { disagreements: kept, issues };
}
