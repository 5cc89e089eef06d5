/**
 * Start-up benchmark: how long a user waits, as real processes, min/median/max over alternating runs.
 * - `ask` end to end (start → answer printed → exit): compiled `dist/` vs the TypeScript sources (tsx, as
 *   every script ran before `npm run build` existed), and through `npm run` — whose own share is measured
 *   apart, as `npm run --silent ask` minus the same launcher started by `node` directly.
 * - the console chat's greeting (start → greeting on stdout): compiled vs sources vs `npm start`.
 * Targets (issue 16): compiled `ask` ≤ 0.4 s, compiled greeting ≤ 1 s (medians).
 *
 * STARTUP_BEFORE=<dir> adds `npm run ask` and `npm start` in another checkout (e.g. the commit before the
 * build existed, with node_modules linked), in the same alternating rounds, for a fair before/after.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildState } from '../scripts/run-built.mjs';
import { percentile } from './timing.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.STARTUP_RUNS ?? 7);
const QUESTION = 'how do i deploy a pytorch model on mobile';
const GREETING = 'Framework Desk — ask about';
const FLAGS = ['--max-semi-space-size=64'];

interface Variant {
  label: string;
  command: string;
  args: string[];
  /** Another checkout to run in (STARTUP_BEFORE); default this one. */
  cwd?: string;
  /** Extra environment, e.g. the snapshot cache turned off. */
  env?: Record<string, string>;
}

const BEFORE = process.env.STARTUP_BEFORE;

const ASK: Variant[] = [
  { label: 'compiled: `node dist/cli/ask.js`', command: process.execPath, args: ['dist/cli/ask.js', '--json', QUESTION] },
  {
    label: 'compiled, snapshot cache off (`KNOWLEDGE_CACHE_DIR=off`)',
    command: process.execPath,
    args: ['dist/cli/ask.js', '--json', QUESTION],
    env: { KNOWLEDGE_CACHE_DIR: 'off' },
  },
  { label: 'sources: `node --import tsx src/cli/ask.ts`', command: process.execPath, args: ['--import', 'tsx', 'src/cli/ask.ts', '--json', QUESTION] },
  { label: 'before: `tsx src/cli/ask.ts` (the old script)', command: process.execPath, args: ['node_modules/tsx/dist/cli.mjs', 'src/cli/ask.ts', '--json', QUESTION] },
  { label: 'launcher: `node scripts/run-built.mjs cli/ask`', command: process.execPath, args: ['scripts/run-built.mjs', 'cli/ask', '--json', QUESTION] },
  { label: '`npm run --silent ask -- --json …`', command: 'npm', args: ['run', '--silent', 'ask', '--', '--json', QUESTION] },
  ...(BEFORE ? [{ label: `before (${BEFORE}): \`npm run --silent ask\``, command: 'npm', args: ['run', '--silent', 'ask', '--', '--json', QUESTION], cwd: BEFORE }] : []),
];

const GREET: Variant[] = [
  { label: 'compiled: `node dist/main.js`', command: process.execPath, args: [...FLAGS, 'dist/main.js'] },
  { label: 'sources: `node --import tsx src/main.ts` (the old npm start)', command: process.execPath, args: [...FLAGS, '--import', 'tsx', 'src/main.ts'] },
  { label: '`npm start`', command: 'npm', args: ['start', '--silent'] },
  ...(BEFORE ? [{ label: `before (${BEFORE}): \`npm start\``, command: 'npm', args: ['start', '--silent'], cwd: BEFORE }] : []),
];

/** A port nobody is using, so the console bot's HTTP port never clashes with another process. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Milliseconds from spawn until `done(stdout)` holds (then the process is stopped) or, without `done`,
 * until it exits — which must be with code 0 and a JSON answer.
 */
async function timeProcess(variant: Variant, done?: (stdout: string) => boolean): Promise<number> {
  // KNOWLEDGE_CACHE_DIR passes through, so a run can keep its snapshot cache out of a shared node_modules.
  const cache = process.env.KNOWLEDGE_CACHE_DIR ? { KNOWLEDGE_CACHE_DIR: process.env.KNOWLEDGE_CACHE_DIR } : {};
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_FILE: 'none', PORT: String(await freePort()), ...cache, ...variant.env };
  const started = performance.now();
  const child = spawn(variant.command, variant.args, { cwd: variant.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    let reached: number | undefined;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (done && reached === undefined && done(stdout)) {
        reached = performance.now() - started;
        // Measured: end the chat and stop the bot, and never wait long for it (the next run starts after).
        child.stdin.end();
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      if (done) return reached === undefined ? reject(new Error(`${variant.label}: no greeting (${stderr.trim().slice(0, 300)})`)) : resolve(reached);
      if (code !== 0 || !stdout.startsWith('{"question"')) return reject(new Error(`${variant.label}: exit ${code}, ${stderr.trim().slice(0, 300)}`));
      resolve(elapsed);
    });
    if (!done) child.stdin.end();
  });
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const spread = (samples: number[]) => `${s(Math.min(...samples))} / ${s(percentile(samples, 50))} / ${s(Math.max(...samples))}`;

/** Runs every variant once per round, in turn, so a busy moment of the machine hits them all alike. */
async function alternating(variants: Variant[], done?: (stdout: string) => boolean): Promise<number[][]> {
  const samples = variants.map(() => [] as number[]);
  for (const variant of variants) await timeProcess(variant, done); // warm the file cache
  for (let round = 0; round < RUNS; round++) for (const [i, variant] of variants.entries()) samples[i]?.push(await timeProcess(variant, done));
  return samples;
}

export async function run(): Promise<void> {
  if (buildState() !== 'built') {
    console.log('dist/ is missing or older than src/: building it first (npm run build)');
    if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  }
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const loadBefore = load();
  const ask = await alternating(ASK);
  const greet = await alternating(GREET, (out) => out.includes(GREETING));
  console.log(`\nStart-up benchmark — Node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore} → ${load()}; ${RUNS} alternating runs each, min / median / max\n`);
  console.log('| ask end to end (start → answer → exit) | min / median / max |');
  console.log('|---|---|');
  for (const [i, v] of ASK.entries()) console.log(`| ${v.label} | ${spread(ask[i] ?? [])} |`);
  // Positions in ASK: compiled, cache off, sources, old script, launcher, npm run.
  const [compiled = [], , , , launcher = [], npm = []] = ask;
  const npmShare = npm.map((t, i) => t - (launcher[i] ?? 0));
  console.log(`| npm's own share (npm run − launcher, same round) | ${spread(npmShare)} |`);
  console.log('\n| console chat (start → greeting) | min / median / max |');
  console.log('|---|---|');
  for (const [i, v] of GREET.entries()) console.log(`| ${v.label} | ${spread(greet[i] ?? [])} |`);
  const askMedian = percentile(compiled, 50);
  const greetMedian = percentile(greet[0] ?? [], 50);
  console.log(`\n${askMedian <= 400 ? 'PASS' : 'FAIL'}  compiled ask end to end ≤ 0.4 s (median ${s(askMedian)})`);
  console.log(`${greetMedian <= 1000 ? 'PASS' : 'FAIL'}  compiled console greeting ≤ 1 s (median ${s(greetMedian)})`);
}
