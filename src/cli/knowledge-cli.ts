/**
 * What the knowledge-base CLIs (`ask`, `choose`, `kb:check`) share: where the base is (`--knowledge <dir>`,
 * else KNOWLEDGE_DIR, else the repository's `knowledge/`), and loading it with a readable error.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeSnapshot } from '../core/knowledge/snapshot.ts';
import { cacheDirFrom, readCachedSnapshot, snapshotKey, writeCachedSnapshot } from '../core/knowledge/snapshot-cache.ts';
import { type CliArgs, type CliSpec, ENV_HELP, runCli } from './run-cli.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/** The `--knowledge <dir>` option every knowledge-base CLI takes. */
export const KNOWLEDGE_OPTION = { knowledge: { type: 'string' } } as const;

/** Help text for the knowledge option and the settings. */
export const KNOWLEDGE_HELP = `  --knowledge <dir>  the knowledge base to read (default: KNOWLEDGE_DIR, else knowledge/)\n  -h, --help         this text\n\n${ENV_HELP}`;

/** `--knowledge <dir>` wins, then KNOWLEDGE_DIR (as the bot reads it), then the repository's `knowledge/`. */
export function knowledgeDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env.KNOWLEDGE_DIR?.trim() || undefined);
  return chosen ? path.resolve(chosen) : DEFAULT_DIR;
}

/**
 * Loads the base, or prints each error with file:line and returns undefined. Goes through the snapshot
 * cache (`KNOWLEDGE_CACHE_DIR`); the loader — and with it yaml and zod — is imported only on a miss.
 */
async function loadBaseOrExplain(dir: string): Promise<KnowledgeSnapshot | undefined> {
  const cacheDir = cacheDirFrom();
  const key = cacheDir ? await snapshotKey(dir) : undefined;
  if (cacheDir && key) {
    const cached = await readCachedSnapshot(cacheDir, dir, key);
    if (cached) return cached;
  }
  const { loadKnowledgeBase } = await import('../core/knowledge/load.ts');
  const { snapshot, issues } = await loadKnowledgeBase(dir);
  if (snapshot) {
    // Saved only if no file changed while it loaded: the key must describe exactly what was read.
    if (cacheDir && key && (await snapshotKey(dir)) === key) await writeCachedSnapshot(cacheDir, dir, key, snapshot);
    return snapshot;
  }
  console.error(`The knowledge base in ${dir} has errors (run \`npm run kb:check\` for details):`);
  for (const i of issues.filter((x) => x.severity === 'error')) console.error(`  ${i.file}:${i.line}: ${i.message}`);
  return undefined;
}

type KnowledgeOptions = typeof KNOWLEDGE_OPTION & Record<string, { type: 'string' | 'boolean' }>;

/**
 * Runs a CLI that answers from the knowledge base: the shared start-up of `runCli`, then the base is loaded
 * (errors → their file:line, exit 1), then `main`, whose result is the exit code.
 */
export function runKnowledgeCli<O extends KnowledgeOptions>(spec: CliSpec<O>, main: (snapshot: KnowledgeSnapshot, args: CliArgs<O>) => Promise<number> | number): void {
  runCli(spec, async (args) => {
    const snapshot = await loadBaseOrExplain(knowledgeDir((args.values as { knowledge?: string }).knowledge));
    return snapshot ? main(snapshot, args) : 1;
  });
}
