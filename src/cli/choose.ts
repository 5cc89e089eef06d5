/**
 * `npm run --silent choose -- [--json] goal=… target=… hardware=… domain=… team=…` — the /choose-framework
 * recommendation without a chat. Missing answers count as "no preference". `--json` prints one line:
 * `{"framework","confidence","reasons","citations",…}` (see `core/flow/recommendation-json.ts`).
 * Bad question or option ids exit 2 with a message naming the valid ones; a broken base exits 1.
 * `goal:research` works as well as `goal=research`. KNOWLEDGE_DIR or `--knowledge <dir>` picks the base.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlowPreset } from '../core/flow/preset.ts';
import { renderRecommendationText } from '../core/flow/plain-text.ts';
import { recommend } from '../core/flow/recommend.ts';
import { toRecommendationJson } from '../core/flow/recommendation-json.ts';
import { loadKnowledgeBase } from '../core/knowledge/load.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const USAGE = 'usage: npm run --silent choose -- [--json] [--knowledge <dir>] [goal=…] [target=…] [hardware=…] [domain=…] [team=…]';

interface Args {
  json: boolean;
  dir: string;
  presets: string[];
}

function parseArgs(argv: string[]): Args | string {
  let json = false;
  let dir = process.env.KNOWLEDGE_DIR ? path.resolve(process.env.KNOWLEDGE_DIR) : DEFAULT_DIR;
  const presets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--knowledge') {
      const value = argv[++i];
      if (!value) return '--knowledge needs a directory';
      dir = path.resolve(value);
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else presets.push(arg);
  }
  return { json, dir, presets };
}

async function main(): Promise<number> {
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
  const preset = parseFlowPreset(args.presets.join(' '), snapshot.flow);
  if (preset.errors.length > 0) {
    for (const error of preset.errors) console.error(`choose: ${error}`);
    return 2;
  }
  const rec = recommend(snapshot.flow, (id) => snapshot.citationFor(id), preset.answers);
  process.stdout.write(args.json ? `${JSON.stringify(toRecommendationJson(rec, snapshot.chunkById))}\n` : `${renderRecommendationText(rec)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`choose failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
