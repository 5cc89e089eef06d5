/**
 * `knowledge/synonyms.yaml`: what users type (tf, torch, tflite, hf, …) mapped to the words the
 * knowledge base uses. Data, not code, so the KB author can extend it without touching retrieval.
 *
 * @example
 * pytorch: [pt, torch, py torch]
 * tensorflow lite: [tflite, tf lite]
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { FrameworkList } from '../answer/frameworks.ts';
import { words } from '../answer/terms.ts';
import type { KnowledgeIssue } from './schema.ts';

export const SynonymsSchema = z.record(
  z.string().trim().min(1, 'canonical term is empty'),
  z.array(z.string().trim().min(1, 'empty variant')).min(1, 'list at least one variant, e.g. `[tf, tensorflow2]`'),
);
/** Canonical term → variants users type. */
export type Synonyms = z.infer<typeof SynonymsSchema>;

export function parseSynonyms(text: string, file: string): { synonyms?: Synonyms; issues: KnowledgeIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = (offset: number, message: string, code = 'synonyms'): KnowledgeIssue => ({
    file,
    line: lineCounter.linePos(offset).line,
    message,
    severity: 'error',
    code,
  });
  if (doc.errors.length > 0) {
    return { issues: doc.errors.map((e) => error(e.pos[0], `not valid YAML: ${e.message.split('\n')[0]} — check indentation and quoting`, 'yaml')) };
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = SynonymsSchema.safeParse(data);
  const lineOfKey = (key: unknown): number => {
    if (!isMap(doc.contents)) return 0;
    const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    return pair && isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
  };
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((zi) =>
        error(lineOfKey(zi.path[0]), `${zi.path.length ? `\`${zi.path.join('.')}\`: ` : ''}${zi.message} — expected \`canonical term: [variant, …]\``),
      ),
    };
  }
  // A variant claimed by two canonical terms makes expansion ambiguous.
  const owner = new Map<string, string>();
  const issues: KnowledgeIssue[] = [];
  for (const [canonical, variants] of Object.entries(parsed.data)) {
    for (const variant of variants) {
      const key = variant.toLowerCase();
      const previous = owner.get(key);
      if (previous && previous !== canonical) {
        issues.push({
          ...error(lineOfKey(canonical), `variant "${variant}" is listed under both "${previous}" and "${canonical}" — keep it in one place`, 'duplicate-synonym'),
          severity: 'warning',
        });
      }
      owner.set(key, canonical);
    }
  }
  return { synonyms: parsed.data, issues };
}

/** 1-based line of a top-level key of a parsed synonyms file (1 when not found). */
function keyLine(text: string, key: string): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (!isMap(doc.contents)) return 1;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? lineCounter.linePos(pair.key.range?.[0] ?? 0).line : 1;
}

/**
 * Framework aliases belong in `frameworks.yaml`. An entry here keyed by a framework id still works (its
 * variants are added to the aliases) but is flagged; a variant that is another framework's alias would
 * make expansion ambiguous.
 */
export function checkSynonymsAgainstFrameworks(text: string, file: string, synonyms: Synonyms, frameworks: FrameworkList): KnowledgeIssue[] {
  const aliasOwner = new Map<string, string>();
  for (const f of frameworks.all) for (const alias of [f.id, ...f.aliases]) aliasOwner.set(words(alias).join(' '), f.id);
  const issues: KnowledgeIssue[] = [];
  const warn = (key: string, message: string, code: string) => issues.push({ file, line: keyLine(text, key), message, severity: 'warning', code });
  for (const [canonical, variants] of Object.entries(synonyms)) {
    if (frameworks.declares(canonical)) {
      warn(canonical, `"${canonical}" is a framework — move these variants to its \`aliases\` in frameworks.yaml`, 'framework-synonym');
      continue;
    }
    for (const variant of variants) {
      const owner = aliasOwner.get(words(variant).join(' '));
      if (owner) warn(canonical, `variant "${variant}" is also the framework "${owner}" (frameworks.yaml) — keep it in one place`, 'duplicate-synonym');
    }
  }
  return issues;
}
