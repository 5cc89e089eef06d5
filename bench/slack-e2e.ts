/**
 * Slack end to end, side by side with a bare Bolt app. Each bot in a process of its own: ours exactly as
 * `npm start` runs it (`src/main.ts`, Slack HTTP mode, default log level, memory store) and the bare
 * Bolt app of `bench/slack-bare-bolt.ts`; this process is the load generator and the Web API stand-in
 * (127.0.0.1). Both bots are warmed, then measured in alternating rounds — open loop at a fixed rate, and
 * closed loop at saturation — and every ratio is ours / bare from the same round. Targets: CPU per event
 * ≤ 1.3× the bare app, saturated throughput ≥ 0.75×, ack p99 < 100 ms at the open-loop rate.
 *
 * SLACK_BENCH_BASELINE=dir adds a third bot: `src/main.ts` of another checkout (e.g. `git worktree add`
 * of main, with node_modules), measured in the same rounds — a before/after on the same machine load.
 */
import type { ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { SIGNING_SECRET } from '../tests/slack/signing.ts';
import { SlackStandIn } from '../tests/slack/standin.ts';
import { freePort, spawnBot, stopBot, waitReady } from './bot-process.ts';
import { answerQuestionMicros } from './core-answer-cost.ts';
import { closedLoop, openLoop, type RunFigures, type Target } from './slack-load.ts';
import { medianRatio, printTable, summary } from './slack-report.ts';
import { percentile } from './timing.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RATE = env('SLACK_BENCH_RATE', 200);
const OPEN_SECONDS = env('SLACK_BENCH_OPEN_SECONDS', 3);
const SATURATED_EVENTS = env('SLACK_BENCH_EVENTS', 2_000);
const CONCURRENCY = env('SLACK_BENCH_CONCURRENCY', 20);
const ROUNDS = env('SLACK_BENCH_ROUNDS', 3);
const READY_MS = 30_000;

interface Bot {
  name: string;
  child: ChildProcess;
  target: Target;
  open: RunFigures[];
  saturated: RunFigures[];
}

const botOn = (name: string, child: ChildProcess, port: number): Bot => ({
  name,
  child,
  target: { pid: child.pid!, url: `http://127.0.0.1:${port}/slack/events` },
  open: [],
  saturated: [],
});

async function startDesk(name: string, apiUrl: string, cwd?: string): Promise<Bot> {
  const port = await freePort();
  const child = spawnBot(
    'src/main.ts',
    {
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
    },
    'ignore',
    cwd,
  );
  await waitReady(port, '/readyz', READY_MS);
  return botOn(name, child, port);
}

async function startBare(apiUrl: string): Promise<Bot> {
  const port = await freePort();
  const child = spawnBot('bench/slack-bare-bolt.ts', { BARE_BOLT_PORT: String(port), SLACK_API_URL: apiUrl, SLACK_SIGNING_SECRET: SIGNING_SECRET }, 'pipe');
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare Bolt app exited before it was ready (code ${code})`)));
  });
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the bare Bolt app was not ready within ${READY_MS / 1000} s`)), READY_MS).unref());
  await Promise.race([ready, late]);
  return botOn('bare Bolt', child, port);
}

export async function run(): Promise<void> {
  const standIn = await new SlackStandIn().start();
  const bots: Bot[] = [];
  try {
    const baseline = process.env.SLACK_BENCH_BASELINE;
    const started = await Promise.allSettled([
      startBare(standIn.apiUrl),
      startDesk('Framework Desk', standIn.apiUrl),
      ...(baseline ? [startDesk('baseline Desk', standIn.apiUrl, baseline)] : []),
    ]);
    // Whatever did start is stopped in `finally`, also when another bot failed to.
    for (const s of started) if (s.status === 'fulfilled') bots.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const loadBefore = loadavg()[0]!;
    // Warm-up: JIT, connection pools and the answer path, at saturation and at the measured rate.
    for (const bot of bots) {
      await closedLoop(standIn, bot.target, SATURATED_EVENTS, CONCURRENCY);
      await openLoop(standIn, bot.target, RATE, 2);
    }
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so no bot always meets the same moment of the machine's load.
      const order = bots.map((_, i) => bots[(i + round) % bots.length]!);
      for (const bot of order) bot.open.push(await openLoop(standIn, bot.target, RATE, OPEN_SECONDS));
      for (const bot of order) bot.saturated.push(await closedLoop(standIn, bot.target, SATURATED_EVENTS, CONCURRENCY));
    }
    console.log(
      `Each bot in its own process (ours = src/main.ts, Slack HTTP mode); load generator + Web API stand-in in this one. ${ROUNDS} rounds in rotating order, min / median / max. ${availableParallelism()} CPUs, load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    );
    const open = bots.map((b) => ({ name: b.name, runs: b.open.map(summary) }));
    const saturated = bots.map((b) => ({ name: b.name, runs: b.saturated.map(summary) }));
    printTable(`Open loop: ${RATE} signed app_mention events/s for ${OPEN_SECONDS} s per bot per round`, open, [
      ['e2e p50 (ms)', 'e2eP50'],
      ['e2e p99 (ms)', 'e2eP99'],
      ['ack p50 (ms)', 'ackP50'],
      ['ack p99 (ms)', 'ackP99'],
      ['CPU per event (ms)', 'cpuPerEvent'],
    ]);
    printTable(`Saturation: closed loop, ${CONCURRENCY} at once, ${SATURATED_EVENTS} mentions per bot per round`, saturated, [
      ['throughput (ev/s)', 'perSecond', 0],
      ['e2e p50 (ms)', 'e2eP50'],
      ['e2e p99 (ms)', 'e2eP99'],
      ['ack p50 (ms)', 'ackP50'],
      ['CPU per event (ms)', 'cpuPerEvent'],
      // Near a whole CPU's worth per event and the machine, not the bot, bounds the closed loop.
      ['driver CPU/event (ms)', 'driverCpuPerEvent'],
    ]);
    const all = bots.flatMap((b) => [...b.open, ...b.saturated]);
    console.log(`  lost ${all.reduce((n, f) => n + f.lost, 0)}, answered twice ${all.reduce((n, f) => n + f.duplicates, 0)} (both must be 0)`);

    const [bare, ours] = [open[0]!, open[1]!];
    const [bareSat, oursSat] = [saturated[0]!, saturated[1]!];
    const cpuOpen = medianRatio('cpuPerEvent', bare.runs, ours.runs);
    const cpuSaturated = medianRatio('cpuPerEvent', bareSat.runs, oursSat.runs);
    const throughput = medianRatio('perSecond', bareSat.runs, oursSat.runs);
    const ackP99 = percentile(
      ours.runs.map((r) => r.ackP99),
      50,
    );
    const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');
    console.log(
      `target CPU per event ≤ 1.3× bare (median ratio): open loop ${cpuOpen.toFixed(2)}× ${verdict(cpuOpen <= 1.3)}, saturated ${cpuSaturated.toFixed(2)}× ${verdict(cpuSaturated <= 1.3)}`,
    );
    console.log(`target saturated throughput ≥ 0.75× bare (median ratio): ${throughput.toFixed(2)}× ${verdict(throughput >= 0.75)}`);
    console.log(`target ack p99 < 100 ms at ${RATE}/s (median run): ${ackP99.toFixed(1)} ms ${verdict(ackP99 < 100)}`);
    const extra = percentile(
      oursSat.runs.map((r, i) => r.cpuPerEvent - bareSat.runs[i]!.cpuPerEvent),
      50,
    );
    const core = (await answerQuestionMicros()) / 1000;
    console.log(
      `our extra CPU per event at saturation (median): ${extra.toFixed(2)} ms; the core's answerQuestion alone (hot loop, this process): ${core.toFixed(2)} ms — a floor: in the bot it runs between Bolt's work, with colder caches`,
    );
  } finally {
    await Promise.all(bots.map((b) => stopBot(b.child)));
    await standIn.close();
  }
}
