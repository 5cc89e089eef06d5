/**
 * Front matter: the YAML block between the opening `---` lines of a knowledge file. Parsed with `yaml`
 * (keeping node positions) so every zod issue can point at the exact line and say how to fix it.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { core } from 'zod';
import { FrontMatterSchema, type FrontMatter, type KnowledgeIssue } from './schema.ts';
import { readSimpleYaml } from './simple-yaml.ts';

export interface SplitFile {
  /** Raw YAML between the fences; undefined when the file has no front matter. */
  yaml?: string;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  /** Everything after the closing fence. */
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`; a file without the opening fence is all body. */
export function splitFrontMatter(text: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { yamlLine: 1, body: lines.join('\n'), bodyLine: 1 };
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) return { yamlLine: 2, body: '', bodyLine: lines.length + 1, yaml: lines.slice(1).join('\n') };
  return { yaml: lines.slice(1, close).join('\n'), yamlLine: 2, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** What to write for each required field, shown in "is required — add …" messages. */
const FIX_HINTS: Record<string, string> = {
  id: '`id: my-topic` (lowercase, dashes)',
  title: '`title: …`',
  source: '`source: { publisher: …, title: …, date: 2024 }`',
  'source.publisher': '`source: { publisher: …, title: … }`',
  'source.title': '`source: { publisher: …, title: … }`',
  'source.date': '`date: 2024` under `source:` (the year the claims were made, or `undated`)',
  frameworks: '`frameworks: [tensorflow, pytorch]`',
};

const ALLOWED_KEYS = Object.keys(FrontMatterSchema.shape).join(', ');

/**
 * Validates the front matter of one file. `file` is the display path used in issues.
 * Returns the parsed front matter only when there are no errors.
 */
export function parseFrontMatter(split: SplitFile, file: string, declared?: readonly string[]): { frontMatter?: FrontMatter; issues: KnowledgeIssue[] } {
  const issue = (line: number, message: string, code: string): KnowledgeIssue => ({ file, line, message, severity: 'error', code });
  if (split.yaml === undefined) {
    return { issues: [issue(1, 'front matter is missing — start the file with a `---` block declaring id, title, source and frameworks', 'front-matter')] };
  }
  // The plain shape, valid, is read without the full parser; anything else, and every error, goes through
  // it so issues keep their exact lines.
  const simple = readSimpleYaml(split.yaml);
  if (simple) {
    const parsed = FrontMatterSchema.safeParse(simple);
    // Lines are only needed for issues, and with any issue the full parse below reports them.
    const clean = parsed.success && (!declared || undeclaredFrameworks(parsed.data, declared, () => 0).length === 0);
    if (clean) return { frontMatter: parsed.data, issues: [] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false });
  const toFileLine = (offset: number) => split.yamlLine - 1 + lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => issue(toFileLine(e.pos[0]), `front matter is not valid YAML: ${firstLine(e.message)} — check indentation and quoting`, 'yaml')),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = FrontMatterSchema.safeParse(data);
  if (parsed.success) {
    const undeclared = declared ? undeclaredFrameworks(parsed.data, declared, (i) => toFileLine(offsetOf(doc, { path: ['frameworks', i] }))) : [];
    const issues = undeclared.map(({ line, message }) => issue(line, message, 'undeclared-framework'));
    return issues.length > 0 ? { issues } : { frontMatter: parsed.data, issues };
  }
  return {
    issues: parsed.error.issues.map((zi) => issue(toFileLine(offsetOf(doc, zi)), describe(zi, data), 'front-matter')),
  };
}

/** Ids in `frameworks:` that `frameworks.yaml` does not declare, each with its line and the fix. */
function undeclaredFrameworks(front: FrontMatter, declared: readonly string[], lineOfItem: (i: number) => number): { line: number; message: string }[] {
  return front.frameworks.flatMap((id, i) =>
    declared.includes(id)
      ? []
      : [
          {
            line: lineOfItem(i),
            message: `framework "${id}" is not declared in frameworks.yaml — use one of ${declared.join(', ')}, or add \`- { id: ${id}, name: …, aliases: [] }\` to frameworks.yaml`,
          },
        ],
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(zi: core.$ZodIssue, data: unknown): string {
  const path = zi.path.map(String).join('.');
  const name = path ? `\`${path}\`` : 'front matter';
  if (zi.code === 'unrecognized_keys') {
    const where = path ? ` in \`${path}\`` : '';
    return `unknown key ${zi.keys.map((k) => `\`${k}\``).join(', ')}${where} — remove it or fix the spelling (allowed: ${path === 'source' ? 'publisher, title, url, date, seed' : ALLOWED_KEYS})`;
  }
  if (zi.code === 'invalid_type' && valueAt(data, zi.path) === undefined) {
    return `${name} is required — add ${FIX_HINTS[path] ?? `\`${path}: …\``}`;
  }
  if (zi.code === 'invalid_format' && path.startsWith('frameworks')) {
    return `${name} must be a framework id from frameworks.yaml: one lowercase word, e.g. \`pytorch\``;
  }
  if (zi.code === 'too_small' && path === 'frameworks') return '`frameworks` is empty — list at least one framework id from frameworks.yaml';
  if (zi.code === 'invalid_format' && path === 'source.url') {
    return '`source.url` must be a plain http(s):// link without spaces, brackets or pipes — use the full link shown in the seed, or leave the url out (never invent one)';
  }
  return `${name}: ${zi.message}`;
}

/** Offset of the YAML node the issue is about: the key itself, or the nearest existing parent. */
function offsetOf(doc: Document, zi: Pick<core.$ZodIssue, 'path'> & { code?: string; keys?: string[] }): number {
  const path = [...zi.path] as (string | number)[];
  if (zi.code === 'unrecognized_keys' && zi.keys?.[0] !== undefined) path.push(zi.keys[0]);
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = keyOffset(doc, path.slice(0, depth));
    if (offset !== undefined) return offset;
  }
  return 0;
}

function keyOffset(doc: Document, path: (string | number)[]): number | undefined {
  if (path.length === 0) return doc.contents?.range?.[0] ?? 0;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
    if (pair && isScalar(pair.key)) return pair.key.range?.[0];
  }
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0];
}
