/**
 * Loads a knowledge directory all-or-nothing: the declared frameworks (first: front matter and the flow
 * are checked against them), every Markdown file, the synonyms, the curated disagreements and the flow
 * are read and checked, and a snapshot is built only when there is not a single error. The flow parser is passed in
 * (see `load.ts`) so the loader can be tested with fixture flows independent of the flow module.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameworkList } from '../answer/frameworks.ts';
import type { FlowDefinition } from '../flow/schema.ts';
import { chunkDocument, countWords } from './chunk.ts';
import { buildSnapshot } from './build-snapshot.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { lintKnowledge } from './lint.ts';
import type { Chunk, KnowledgeIssue } from './schema.ts';
import type { KnowledgeSnapshot } from './snapshot.ts';
import { checkSynonymsAgainstFrameworks, parseSynonyms, type Synonyms } from './synonyms.ts';
import { type Disagreements, parseDisagreements } from './disagreements.ts';
import { FRAMEWORKS_FILE, parseFrameworksFile } from './frameworks-file.ts';

/** `frameworks` is undefined when `frameworks.yaml` is broken (already reported): check no `favours` then. */
export type FlowParser = (
  text: string,
  file: string,
  knownChunkIds: ReadonlySet<string>,
  frameworks: FrameworkList | undefined,
) => { flow?: FlowDefinition; issues: KnowledgeIssue[] };

const SYNONYMS_FILE = 'synonyms.yaml';
const DISAGREEMENTS_FILE = 'disagreements.yaml';
export const FLOW_FILE = 'flow/choose-framework.yaml';

export interface LoadResult {
  snapshot?: KnowledgeSnapshot;
  issues: KnowledgeIssue[];
  /** What was read, even when there are errors (for `kb:check`'s summary). */
  stats: { documents: number; chunks: number; words: number };
}

/** Path shown in messages: relative to the working directory when inside it, so editors can jump to it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

/** A file removed or locked between listing and reading (an editor saving) is an issue, not a crash. */
async function readTextFile(file: string): Promise<string | { error: string }> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** `parentPath` arrived in Node 20.12; earlier 20.x releases call it `path`. */
function folderOf(entry: Dirent): string {
  return (entry as Dirent & { parentPath?: string }).parentPath ?? (entry as Dirent & { path: string }).path;
}

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) =>
      path
        .relative(dir, path.join(folderOf(e), e.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

export async function loadKnowledgeBaseWith(dir: string, parseFlow: FlowParser): Promise<LoadResult> {
  const root = path.resolve(dir);
  const issues: KnowledgeIssue[] = [];
  let files: string[];
  try {
    files = await listMarkdown(root);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : String(error);
    const message = `knowledge directory ${reason} — pass the folder that holds the *.md files`;
    return { issues: [{ file: displayPath(root), line: 0, severity: 'error', code: 'missing-dir', message }], stats: { documents: 0, chunks: 0, words: 0 } };
  }

  const frameworks = await readFrameworks(root, issues);
  const chunks: Chunk[] = [];
  const docs: { id: string; file: string; line: number }[] = [];
  // Read every file at once (a reload under load waits on I/O, not CPU); order stays that of `files`.
  const texts = await Promise.all(files.map((rel) => readTextFile(path.join(root, rel))));
  for (const [i, rel] of files.entries()) {
    const shown = displayPath(path.join(root, rel));
    const text = texts[i]!;
    if (typeof text !== 'string') {
      issues.push({ file: shown, line: 0, severity: 'error', code: 'unreadable', message: `cannot read this file (${text.error}) — check that it exists and is readable` });
      continue;
    }
    const split = splitFrontMatter(text);
    const front = parseFrontMatter(split, shown, frameworks?.ids);
    issues.push(...front.issues);
    if (!front.frontMatter) continue;
    docs.push({ id: front.frontMatter.id, file: shown, line: split.yamlLine });
    const chunked = chunkDocument(front.frontMatter, split.body, split.bodyLine, rel, shown);
    issues.push(...chunked.issues);
    chunks.push(...chunked.chunks);
  }
  if (files.length === 0) {
    issues.push({ file: displayPath(root), line: 0, severity: 'error', code: 'no-documents', message: 'no knowledge files (*.md) found — add at least one' });
  }
  issues.push(...lintKnowledge(docs, chunks, (rel) => displayPath(path.join(root, rel))));

  const synonyms = await readSynonyms(root, issues, frameworks);
  const chunkIds = new Set(chunks.map((c) => c.id));
  const flow = await readFlow(root, chunkIds, frameworks, parseFlow, issues);
  const disagreements = await readDisagreements(root, chunkIds, issues);

  const stats = { documents: docs.length, chunks: chunks.length, words: chunks.reduce((sum, c) => sum + countWords(c.body), 0) };
  if (issues.some((i) => i.severity === 'error') || !flow || !frameworks) return { issues, stats };
  return { snapshot: buildSnapshot(docs.length, chunks, synonyms, frameworks, flow, disagreements), issues, stats };
}

/** The file's text; undefined when it does not exist; an error issue (not a throw) when it cannot be read. */
async function readOptional(file: string, issues: KnowledgeIssue[]): Promise<string | undefined | null> {
  const text = await readTextFile(file);
  if (typeof text === 'string') return text;
  if (text.error === 'ENOENT') return undefined;
  issues.push({ file: displayPath(file), line: 0, severity: 'error', code: 'unreadable', message: `cannot read this file (${text.error}) — check that it is a readable file` });
  return null;
}

/** Required: without the list no article can say which framework it is about. */
async function readFrameworks(root: string, issues: KnowledgeIssue[]): Promise<FrameworkList | undefined> {
  const file = path.join(root, FRAMEWORKS_FILE);
  const text = await readOptional(file, issues);
  if (text === null) return undefined;
  if (text === undefined) {
    const example = '`frameworks: [{ id: tensorflow, name: TensorFlow, aliases: [tf] }]`';
    issues.push({
      file: displayPath(file),
      line: 0,
      severity: 'error',
      code: 'no-frameworks',
      message: `the frameworks file is missing — add ${FRAMEWORKS_FILE} declaring ${example} (see docs/frameworks.md)`,
    });
    return undefined;
  }
  const parsed = parseFrameworksFile(text, displayPath(file));
  issues.push(...parsed.issues);
  return parsed.frameworks;
}

async function readSynonyms(root: string, issues: KnowledgeIssue[], frameworks: FrameworkList | undefined): Promise<Synonyms> {
  const file = path.join(root, SYNONYMS_FILE);
  const text = await readOptional(file, issues);
  if (text === null) return {};
  if (text === undefined) {
    issues.push({
      file: displayPath(file),
      line: 0,
      severity: 'warning',
      code: 'no-synonyms',
      message: 'no synonyms file — abbreviations like "tf" or "torch" will not be understood; add `synonyms.yaml`',
    });
    return {};
  }
  const parsed = parseSynonyms(text, displayPath(file));
  issues.push(...parsed.issues);
  if (parsed.synonyms && frameworks) issues.push(...checkSynonymsAgainstFrameworks(text, displayPath(file), parsed.synonyms, frameworks));
  return parsed.synonyms ?? {};
}

/** Optional: without the file, answers simply carry no "sources differ" notes. */
async function readDisagreements(root: string, chunkIds: ReadonlySet<string>, issues: KnowledgeIssue[]): Promise<Disagreements> {
  const file = path.join(root, DISAGREEMENTS_FILE);
  const text = await readOptional(file, issues);
  if (typeof text !== 'string') return [];
  const parsed = parseDisagreements(text, displayPath(file), chunkIds);
  issues.push(...parsed.issues);
  return parsed.disagreements;
}

async function readFlow(root: string, chunkIds: ReadonlySet<string>, frameworks: FrameworkList | undefined, parseFlow: FlowParser, issues: KnowledgeIssue[]) {
  const file = path.join(root, FLOW_FILE);
  const text = await readOptional(file, issues);
  if (text === null) return undefined;
  if (text === undefined) {
    issues.push({ file: displayPath(file), line: 0, severity: 'error', code: 'no-flow', message: `the /choose-framework flow file is missing — add ${FLOW_FILE}` });
    return undefined;
  }
  const parsed = parseFlow(text, displayPath(file), chunkIds, frameworks);
  issues.push(...parsed.issues);
  if (!parsed.flow && frameworks && !parsed.issues.some((i) => i.severity === 'error')) {
    issues.push({ file: displayPath(file), line: 0, severity: 'error', code: 'flow', message: 'the flow file could not be read — check it against the flow schema' });
  }
  return parsed.flow;
}
