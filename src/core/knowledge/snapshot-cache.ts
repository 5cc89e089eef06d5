/**
 * A persisted copy of a loaded base's validated parts (chunks, synonyms, frameworks, flow, disagreements),
 * so a CLI start-up skips importing and running yaml and zod (about 0.2 s of a 0.5 s `ask`). The index is
 * still built from those parts, by the same code as a fresh load, so answers cannot drift from it.
 *
 * Invalidation is by content, not by dates: the key hashes every file under the knowledge directory (names
 * and bytes), every file of the code that loads, validates and indexes (`core/`, compiled or not, plus
 * MiniSearch's entry file), the Node version and the working directory (chunk paths are shown relative to
 * it). Any change → another key → a normal load. A cache file that is unreadable, truncated, from another
 * key or of the wrong shape is ignored and rewritten; writes go to a temporary file renamed into place, so a
 * reader never sees half a file. Only a base without errors is cached.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FrameworkList, type FrameworkInfo } from '../answer/frameworks.ts';
import type { FlowFile } from '../flow/schema.ts';
import { buildSnapshot } from './build-snapshot.ts';
import type { Disagreements } from './disagreements.ts';
import type { Chunk } from './schema.ts';
import type { KnowledgeSnapshot } from './snapshot.ts';
import type { Synonyms } from './synonyms.ts';

/** Bump when the shape of `CachedParts` changes (the code hash would catch it too; this says it). */
const FORMAT = 1;
/** `core/` beside this file's folder, in dist/ or src/: the code a cached snapshot was built by. */
const CORE_DIR = fileURLToPath(new URL('../', import.meta.url));
/** `<project>/node_modules/.cache/framework-desk`, the usual home of tool caches (ignored by git). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/framework-desk/', import.meta.url));

interface CachedParts {
  format: number;
  key: string;
  documents: number;
  chunks: Chunk[];
  synonyms: Synonyms;
  frameworks: FrameworkInfo[];
  flow: FlowFile;
  disagreements: Disagreements;
}

/** `KNOWLEDGE_CACHE_DIR`: `off` disables the cache, a path moves it, unset → `DEFAULT_CACHE_DIR`. */
export function cacheDirFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.KNOWLEDGE_CACHE_DIR?.trim();
  if (value === 'off') return undefined;
  return value ? path.resolve(value) : DEFAULT_CACHE_DIR;
}

/**
 * Every file under `dir`, sorted, as `relative path → bytes`, into the hash (length-prefixed: no ambiguity).
 * Synchronous on purpose: for ~150 small files, `fs/promises` cost ~100 ms of thread-pool round trips.
 */
function hashTree(hash: ReturnType<typeof createHash>, label: string, dir: string): void {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join((e as { parentPath?: string }).parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  hash.update(`${label}\u0000${files.length}\u0000`);
  for (const file of files) {
    const bytes = readFileSync(file);
    hash.update(`${path.relative(dir, file)}\u0000${bytes.length}\u0000`).update(bytes);
  }
}

/** The key of everything a snapshot of `root` depends on; undefined when an input cannot be read. */
export async function snapshotKey(root: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256');
    hash.update(`format ${FORMAT}\u0000node ${process.version}\u0000cwd ${process.cwd()}\u0000root ${root}\u0000`);
    hashTree(hash, 'knowledge', root);
    hashTree(hash, 'code', CORE_DIR);
    const minisearch = fileURLToPath(import.meta.resolve('minisearch'));
    hash.update(`minisearch ${minisearch}\u0000`).update(readFileSync(minisearch));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * One cache file per knowledge directory, working directory and code folder, so bases, worktrees and the
 * compiled and source runs of one checkout do not evict each other.
 */
function cacheFile(cacheDir: string, root: string): string {
  const place = createHash('sha256').update(`${process.cwd()}\u0000${root}\u0000${CORE_DIR}`).digest('hex').slice(0, 16);
  return path.join(cacheDir, `snapshot-${place}.json`);
}

function looksValid(parts: Partial<CachedParts>, key: string): parts is CachedParts {
  return (
    parts.format === FORMAT &&
    parts.key === key &&
    typeof parts.documents === 'number' &&
    Array.isArray(parts.chunks) &&
    Array.isArray(parts.frameworks) &&
    Array.isArray(parts.disagreements) &&
    typeof parts.synonyms === 'object' &&
    parts.synonyms !== null &&
    typeof parts.flow === 'object' &&
    parts.flow !== null
  );
}

/** The snapshot from the cache when its key matches `key`; undefined on any miss or damage. */
export async function readCachedSnapshot(cacheDir: string, root: string, key: string): Promise<KnowledgeSnapshot | undefined> {
  try {
    const parts = JSON.parse(readFileSync(cacheFile(cacheDir, root), 'utf8')) as Partial<CachedParts>;
    if (!looksValid(parts, key)) return undefined;
    const frameworks = new FrameworkList(parts.frameworks);
    return buildSnapshot(parts.documents, parts.chunks, parts.synonyms, frameworks, { ...parts.flow, frameworks }, parts.disagreements);
  } catch {
    return undefined; // missing, unreadable, truncated or not JSON: a normal load follows
  }
}

/** Saves `snapshot`'s parts under `key`, atomically; a failure (read-only disk) only costs the next start. */
export async function writeCachedSnapshot(cacheDir: string, root: string, key: string, snapshot: KnowledgeSnapshot): Promise<void> {
  const { frameworks: _list, ...flow } = snapshot.flow;
  const parts: CachedParts = {
    format: FORMAT,
    key,
    documents: snapshot.documents,
    chunks: snapshot.chunks,
    synonyms: snapshot.index.synonyms,
    frameworks: [...snapshot.frameworks.all],
    flow,
    disagreements: snapshot.disagreements,
  };
  const file = cacheFile(cacheDir, root);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temporary, JSON.stringify(parts));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
