/**
 * What the knowledge-base CLIs (`ask`, `choose`) share: the `--json` / `--knowledge <dir>` arguments,
 * loading the base with a readable error, a quiet exit when a pipe closes, and exit codes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../core/knowledge/snapshot.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

export interface KnowledgeCliArgs {
  json: boolean;
  dir: string;
  /** Everything that is not an option, in order. */
  words: string[];
}

/** Returns the arguments, or the text to print instead (usage for `--help`, else an error and usage). */
function parseKnowledgeCliArgs(argv: string[], usage: string): KnowledgeCliArgs | string {
  let json = false;
  let dir = process.env.KNOWLEDGE_DIR ? path.resolve(process.env.KNOWLEDGE_DIR) : DEFAULT_DIR;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--knowledge') {
      const value = argv[++i];
      if (!value) return `--knowledge needs a directory\n${usage}`;
      dir = path.resolve(value);
    } else if (arg === '--help' || arg === '-h') return usage;
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${usage}`;
    else words.push(arg);
  }
  return { json, dir, words };
}

/** Loads the base, or prints each error with file:line and returns undefined. */
async function loadBaseOrExplain(dir: string): Promise<KnowledgeSnapshot | undefined> {
  const { snapshot, issues } = await loadKnowledgeBase(dir);
  if (snapshot) return snapshot;
  console.error(`The knowledge base in ${dir} has errors (run \`npm run kb:check\` for details):`);
  for (const i of issues.filter((x) => x.severity === 'error')) console.error(`  ${i.file}:${i.line}: ${i.message}`);
  return undefined;
}

/**
 * Runs a knowledge-base CLI: parses the shared arguments (`--help` → usage, exit 0; a bad one → the
 * error, exit 2), loads the base (errors → exit 1), then `main`, whose result is the exit code. A thrown
 * error is one line, exit 1; `… | head -1` closing the pipe early is not an error worth a stack trace.
 */
export function runKnowledgeCli(name: string, usage: string, main: (snapshot: KnowledgeSnapshot, args: KnowledgeCliArgs) => Promise<number> | number): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const run = async (): Promise<number> => {
    const args = parseKnowledgeCliArgs(process.argv.slice(2), usage);
    if (typeof args === 'string') {
      console.error(args);
      return args === usage ? 0 : 2;
    }
    const snapshot = await loadBaseOrExplain(args.dir);
    return snapshot ? main(snapshot, args) : 1;
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
