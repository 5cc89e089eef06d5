/**
 * `knowledge/frameworks.yaml`: the frameworks the base is about — their ids (used in front matter and
 * flow rules), display names and the aliases users type. Data, so a team adds JAX or Keras 3 by adding an
 * entry and articles, not code. `frameworks:` is the file's only (so last) key: tools append entries.
 *
 * @example
 * frameworks:
 *   - id: tensorflow
 *     name: TensorFlow
 *     aliases: [tf, tf2]
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { FrameworkList } from '../answer/frameworks.ts';
import { toTerm, words } from '../answer/terms.ts';
import { FrameworkSchema, type KnowledgeIssue } from './schema.ts';
import { lineOfPath, type YamlPath } from './yaml-lines.ts';

export const FRAMEWORKS_FILE = 'frameworks.yaml';

/** Names go into buttons, score bars and sentences; more frameworks than this would not fit a chat reply. */
const MAX_FRAMEWORKS = 12;

export const FrameworkEntrySchema = z
  .object({
    id: FrameworkSchema,
    /** As every platform writes it: "TensorFlow", "PyTorch", "JAX". */
    name: z.string().trim().min(1, 'give the display name, e.g. `name: JAX`').max(40, 'keep the name under 40 characters'),
    /** What users type for it (lowercase; multi-word allowed), expanded like synonyms. */
    aliases: z.array(z.string().trim().min(1, 'empty alias')).default([]),
  })
  .strict();

export const FrameworksFileSchema = z
  .object({
    frameworks: z
      .array(FrameworkEntrySchema)
      .min(1, 'declare at least one framework: `- { id: tensorflow, name: TensorFlow, aliases: [tf] }`')
      .max(MAX_FRAMEWORKS, `at most ${MAX_FRAMEWORKS} frameworks fit a chat reply`),
  })
  .strict();

/** Parses and validates `frameworks.yaml`; the list only when there is no error. */
export function parseFrameworksFile(text: string, file: string): { frameworks?: FrameworkList; issues: KnowledgeIssue[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const issue = (path: YamlPath, message: string, code = 'frameworks'): KnowledgeIssue => ({ file, line: lineOfPath(doc, counter, path), message, severity: 'error', code });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        message: `not valid YAML: ${e.message.split('\n')[0]} — check indentation and quoting`,
        severity: 'error',
        code: 'yaml',
      })),
    };
  }
  const parsed = FrameworksFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((zi) =>
        issue(zi.path as YamlPath, `${zi.path.length ? `\`${zi.path.join('.')}\`: ` : ''}${zi.message} — expected \`frameworks: [{ id, name, aliases: [...] }]\``),
      ),
    };
  }
  const issues: KnowledgeIssue[] = [];
  const claimed = new Map<string, string>();
  const names = new Map<string, string>();
  parsed.data.frameworks.forEach((f, i) => {
    if (toTerm(f.id) === null) issues.push(issue(['frameworks', i, 'id'], `id "${f.id}" is a stop word, which questions ignore — choose another id`));
    const name = f.name.toLowerCase();
    if (names.has(name)) issues.push(issue(['frameworks', i, 'name'], `name "${f.name}" is used by "${names.get(name)}" too — give each framework its own name`));
    names.set(name, f.id);
    const own = [f.id, ...f.aliases.map((a) => words(a).join(' '))];
    own.forEach((word, k) => {
      const owner = claimed.get(word);
      if (owner !== undefined && owner !== f.id) {
        const path = k === 0 ? ['frameworks', i, 'id'] : ['frameworks', i, 'aliases', k - 1];
        issues.push(issue(path, `"${word}" already means "${owner}" — an id or alias may belong to one framework only`));
      }
      claimed.set(word, f.id);
    });
  });
  return issues.length > 0 ? { issues } : { frameworks: new FrameworkList(parsed.data.frameworks), issues };
}
