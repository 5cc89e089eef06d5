/**
 * Slack end to end, side by side with a bare Bolt app. Three processes: our bot exactly as `npm start`
 * runs it (`src/main.ts`, Slack HTTP mode, default log level, memory store), the bare Bolt app of
 * `bench/slack-bare-bolt.ts`, and this one (load generator + the Web API stand-in on 127.0.0.1). Both bots
 * are warmed, then measured in alternating runs — open loop at a fixed rate, and closed loop at
 * saturation — and every ratio is ours / bare from the same round. Targets: CPU per event ≤ 1.3× the
 * bare app, saturated throughput ≥ 0.75×, ack p99 < 100 ms at the open-loop rate.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { SIGNING_SECRET } from '../tests/slack/signing.ts';
import { SlackStandIn } from '../tests/slack/standin.ts';
import { freePort, spawnBot, stopBot, waitReady } from './bot-process.ts';
import { closedLoop, openLoop, type RunFigures, type Target } from './slack-load.ts';
import { percentile } from './timing.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RATE = env('SLACK_BENCH_RATE', 200);
const OPEN_SECONDS = env('SLACK_BENCH_OPEN_SECONDS', 3);
const SATURATED_EVENTS = env('SLACK_BENCH_EVENTS', 2_000);
const CONCURRENCY = env('SLACK_BENCH_CONCURRENCY', 20);
const ROUNDS = env('SLACK_BENCH_ROUNDS', 3);

async function startDesk(apiUrl: string): Promise<{ child: ChildProcess; target: Target }> {
  const port = await freePort();
  const child = spawnBot('src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    // Only Slack, in memory, and no drain wait on the way out; everything else is production's default.
    SLACK_APP_TOKEN: '',
    DISCORD_TOKEN: '',
    REDIS_URL: '',
    SHUTDOWN_DRAIN_MS: '0',
  });
  await waitReady(port);
  return { child, target: { pid: child.pid!, url: `http://127.0.0.1:${port}/slack/events` } };
}

async function startBare(apiUrl: string): Promise<{ child: ChildProcess; target: Target }> {
  const port = await freePort();
  const child = spawnBot('bench/slack-bare-bolt.ts', { BARE_BOLT_PORT: String(port), SLACK_API_URL: apiUrl, SLACK_SIGNING_SECRET: SIGNING_SECRET }, 'pipe');
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare Bolt app exited before it was ready (code ${code})`)));
  });
  await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error('the bare Bolt app was not ready within 30 s')), 30_000))]);
  return { child, target: { pid: child.pid!, url: `http://127.0.0.1:${port}/slack/events` } };
}

/** The figures of one run that the report compares. */
function summary(f: RunFigures) {
  return {
    e2eP50: percentile(f.answers, 50),
    e2eP99: percentile(f.answers, 99),
    ackP50: percentile(f.acks, 50),
    ackP99: percentile(f.acks, 99),
    perSecond: (f.answers.length * 1000) / f.wallMs,
    cpuPerEvent: f.cpuMs / Math.max(1, f.answers.length),
  };
}
type Summary = ReturnType<typeof summary>;
type Metric = keyof Summary;

const mmm = (values: number[], digits: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[0]!, percentile(sorted, 50), sorted.at(-1)!].map((v) => v.toFixed(digits)).join(' / ');
};

/** One line: bare min/median/max, ours min/median/max, and the same-round ratios ours/bare. */
function row(label: string, metric: Metric, bare: Summary[], ours: Summary[], digits = 2): string {
  const ratios = ours.map((o, i) => o[metric] / bare[i]![metric]);
  return `  ${label.padEnd(20)} ${mmm(
    bare.map((s) => s[metric]),
    digits,
  ).padEnd(22)} ${mmm(
    ours.map((s) => s[metric]),
    digits,
  ).padEnd(22)} ${mmm(ratios, 2)}×`;
}

function table(title: string, bare: Summary[], ours: Summary[], metrics: [string, Metric, number?][]): void {
  console.log(title);
  console.log(`  ${''.padEnd(20)} ${'bare Bolt'.padEnd(22)} ${'Framework Desk'.padEnd(22)} ratio ours/bare (same round)`);
  for (const [label, metric, digits] of metrics) console.log(row(label, metric, bare, ours, digits));
}

const medianRatio = (metric: Metric, bare: Summary[], ours: Summary[]) =>
  percentile(
    ours.map((o, i) => o[metric] / bare[i]![metric]),
    50,
  );

export async function run(): Promise<void> {
  const standIn = await new SlackStandIn().start();
  const bots: ChildProcess[] = [];
  try {
    const [bare, desk] = await Promise.all([startBare(standIn.apiUrl), startDesk(standIn.apiUrl)]);
    bots.push(bare.child, desk.child);
    const loadBefore = loadavg()[0]!;
    // Warm-up: JIT, connection pools and the answer path, at saturation and at the measured rate.
    for (const bot of [bare, desk]) {
      await closedLoop(standIn, bot.target, SATURATED_EVENTS, CONCURRENCY);
      await openLoop(standIn, bot.target, RATE, 2);
    }
    const open = { bare: [] as RunFigures[], ours: [] as RunFigures[] };
    const saturated = { bare: [] as RunFigures[], ours: [] as RunFigures[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so neither always meets the same moment of the machine's load.
      const order = round % 2 === 0 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const);
      for (const who of order) open[who].push(await openLoop(standIn, (who === 'bare' ? bare : desk).target, RATE, OPEN_SECONDS));
      for (const who of order) saturated[who].push(await closedLoop(standIn, (who === 'bare' ? bare : desk).target, SATURATED_EVENTS, CONCURRENCY));
    }
    const all = [...open.bare, ...open.ours, ...saturated.bare, ...saturated.ours];
    const s = (runs: RunFigures[]) => runs.map(summary);
    console.log(
      `Each bot in its own process (ours = src/main.ts, Slack HTTP mode); load generator + Web API stand-in in a third. ${ROUNDS} alternating rounds, min / median / max. ${availableParallelism()} CPUs, load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    );
    table(`Open loop: ${RATE} signed app_mention events/s for ${OPEN_SECONDS} s per bot per round`, s(open.bare), s(open.ours), [
      ['e2e p50 (ms)', 'e2eP50'],
      ['e2e p99 (ms)', 'e2eP99'],
      ['ack p50 (ms)', 'ackP50'],
      ['ack p99 (ms)', 'ackP99'],
      ['CPU per event (ms)', 'cpuPerEvent'],
    ]);
    table(`Saturation: closed loop, ${CONCURRENCY} at once, ${SATURATED_EVENTS} mentions per bot per round`, s(saturated.bare), s(saturated.ours), [
      ['throughput (ev/s)', 'perSecond', 0],
      ['e2e p50 (ms)', 'e2eP50'],
      ['e2e p99 (ms)', 'e2eP99'],
      ['ack p50 (ms)', 'ackP50'],
      ['CPU per event (ms)', 'cpuPerEvent'],
    ]);
    console.log(`  lost ${all.reduce((n, f) => n + f.lost, 0)}, answered twice ${all.reduce((n, f) => n + f.duplicates, 0)} (both must be 0)`);
    const cpuOpen = medianRatio('cpuPerEvent', s(open.bare), s(open.ours));
    const cpuSaturated = medianRatio('cpuPerEvent', s(saturated.bare), s(saturated.ours));
    const throughput = medianRatio('perSecond', s(saturated.bare), s(saturated.ours));
    const ackP99 = percentile(
      s(open.ours).map((f) => f.ackP99),
      50,
    );
    const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');
    console.log(
      `target CPU per event ≤ 1.3× bare (median ratio): open loop ${cpuOpen.toFixed(2)}× ${verdict(cpuOpen <= 1.3)}, saturated ${cpuSaturated.toFixed(2)}× ${verdict(cpuSaturated <= 1.3)}`,
    );
    console.log(`target saturated throughput ≥ 0.75× bare (median ratio): ${throughput.toFixed(2)}× ${verdict(throughput >= 0.75)}`);
    console.log(`target ack p99 < 100 ms at ${RATE}/s (median run): ${ackP99.toFixed(1)} ms ${verdict(ackP99 < 100)}`);
  } finally {
    await Promise.all(bots.map((b) => stopBot(b)));
    await standIn.close();
  }
}
