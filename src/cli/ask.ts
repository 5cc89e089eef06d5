/**
 * `npm run --silent ask -- [--json] ["question"]` — ask the knowledge base from a terminal or script.
 *
 * With a question argument: one answer. Without: one question per stdin line (blank lines skipped), one
 * answer per line — handy for batch checks. `--json` prints exactly one JSON object per answer:
 * `{"question","answered","answer","citations":[{"title","source","url"?,"section"?,"snippet"}]}`.
 * Loads the knowledge base directly (no store, no adapters), so it starts fast. KNOWLEDGE_DIR or
 * `--knowledge <dir>` points it at another base.
 */
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../core/answer/compose.ts';
import { answerToJson } from '../core/answer/answer-json.ts';
import { renderAnswerText } from '../core/answer/plain-text.ts';
import { loadKnowledgeBase } from '../core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../core/knowledge/snapshot.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const USAGE = 'usage: npm run --silent ask -- [--json] [--knowledge <dir>] ["your question"]  (no question: one per stdin line)';

interface Args {
  json: boolean;
  dir: string;
  question?: string;
}

function parseArgs(argv: string[]): Args | string {
  let json = false;
  let dir = process.env.KNOWLEDGE_DIR ? path.resolve(process.env.KNOWLEDGE_DIR) : DEFAULT_DIR;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--knowledge') {
      const value = argv[++i];
      if (!value) return '--knowledge needs a directory';
      dir = path.resolve(value);
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg === '--') continue;
    else rest.push(arg);
  }
  return rest.length ? { json, dir, question: rest.join(' ') } : { json, dir };
}

function print(snapshot: KnowledgeSnapshot, question: string, json: boolean): void {
  const answer = answerQuestion(snapshot, question);
  process.stdout.write(json ? `${answerToJson(answer)}\n` : `${renderAnswerText(answer)}\n\n`);
}

async function main(): Promise<number> {
  // `ask | head -1` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return args === USAGE ? 0 : 2;
  }
  const { snapshot, issues } = await loadKnowledgeBase(args.dir);
  if (!snapshot) {
    console.error(`The knowledge base in ${args.dir} has errors (run \`npm run kb:check\` for details):`);
    for (const i of issues.filter((x) => x.severity === 'error')) console.error(`  ${i.file}:${i.line}: ${i.message}`);
    return 1;
  }
  if (args.question !== undefined) {
    print(snapshot, args.question, args.json);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) print(snapshot, line, args.json);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ask failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
