/**
 * The Slack edge under hostile traffic, against the bot exactly as `npm start` runs it (Slack HTTP mode,
 * its own process, a local Web API stand-in):
 * 1. 120 concurrent unsigned 4 MB POSTs to /slack/events — how much the bot's RSS grows (peak, from
 *    the kernel's high-water mark) and which status codes come back how fast. Target: < 30 MB, all 401/413.
 * 2. Slack markup decoding: hostile inputs (unclosed `<`, `<#`, `<@`) against plain text of the same size.
 *    Target: hostile costs about what plain text does (linear, not quadratic).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { questionFromSlackText } from '../src/adapters/slack/incoming-text.ts';
import { SIGNING_SECRET } from '../tests/slack/signing.ts';
import { SlackStandIn } from '../tests/slack/standin.ts';
import { freePort, spawnBot, stopBot, waitReady } from './bot-process.ts';
import { percentile } from './timing.ts';

const BURST = Number(process.env.EDGE_BURST ?? 120);
const BODY_BYTES = 4 * 1024 * 1024;

/** Kilobytes from /proc/<pid>/status: VmRSS (now) or VmHWM (peak since the last reset). */
function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN);
}

/** One unsigned POST with a 4 MB body; resolves with the status (or the socket error) and the time to it. */
function hostilePost(port: number, body: Buffer, declareLength: boolean): Promise<{ status: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: string) => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: performance.now() - started });
    };
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/slack/events',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(declareLength && { 'content-length': body.length }),
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': 'v0=forged',
      },
    });
    req.on('response', (res) => {
      done(String(res.statusCode));
      res.resume();
    });
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
    req.setTimeout(40_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

async function burst(): Promise<void> {
  const standIn = await new SlackStandIn().start();
  const port = await freePort();
  const bot = spawnBot('src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
  });
  try {
    await waitReady(port);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const pid = bot.pid!;
    const body = Buffer.alloc(BODY_BYTES, 'a');
    // With Content-Length (refused before reading), then chunked (read up to the cap, a few at a time).
    for (const declareLength of [true, false]) {
      const before = memoryKb(pid, 'VmRSS');
      // Reset the peak so VmHWM measures this burst only (Linux clear_refs, value 5).
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const results = await Promise.all(Array.from({ length: BURST }, () => hostilePost(port, body, declareLength)));
      const peak = memoryKb(pid, 'VmHWM');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const after = memoryKb(pid, 'VmRSS');
      const statuses = new Map<string, number>();
      for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      const ms = results.map((r) => r.ms);
      const growth = (peak - before) / 1024;
      const how = declareLength ? 'with Content-Length' : 'chunked, no Content-Length';
      console.log(`${BURST} concurrent unsigned ${BODY_BYTES / 1024 / 1024} MB POSTs to /slack/events, ${how} (bot = npm start, Slack HTTP mode)`);
      console.log(`  RSS before ${(before / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB (+${growth.toFixed(1)} MB), 2 s later ${(after / 1024).toFixed(0)} MB`);
      console.log(
        `  statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; time to status min ${Math.min(...ms).toFixed(0)} ms, p50 ${percentile(ms, 50).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms (includes the load generator copying ${(BURST * BODY_BYTES) / 1024 / 1024} MB)`,
      );
      const refusedOnly = [...statuses.keys()].every((s) => s === '401' || s === '413');
      console.log(`  target: growth < 30 MB ${growth < 30 ? 'OK' : 'MISSED'}; every request 401/413 ${refusedOnly ? 'OK' : 'MISSED'}`);
    }
  } finally {
    await stopBot(bot);
    await standIn.close();
  }
}

/** Median microseconds per decode of `text`, over enough runs to be stable. */
function decodeMicros(text: string): number {
  const samples: number[] = [];
  for (let round = 0; round < 15; round++) {
    const started = performance.now();
    for (let i = 0; i < 20; i++) questionFromSlackText(text);
    samples.push(((performance.now() - started) / 20) * 1000);
  }
  return percentile(samples, 50);
}

function markup(): void {
  const plain8k = 'how does pytorch compare with tensorflow for deployment on mobile? '.repeat(130).slice(0, 8_000);
  const cases: [string, string][] = [
    ['plain text, 8 KB', plain8k],
    ['"<" × 8,000', '<'.repeat(8_000)],
    ['"<#" × 4,000', '<#'.repeat(4_000)],
    ['"<@" × 4,000', '<@'.repeat(4_000)],
    ['"<a|" × 2,666', '<a|'.repeat(2_666)],
    ['plain text, 100 KB', plain8k.repeat(13).slice(0, 100_000)],
    ['"<" × 100,000', '<'.repeat(100_000)],
    ['"<#" × 50,000', '<#'.repeat(50_000)],
  ];
  console.log('Slack markup → question text (questionFromSlackText), median per call');
  const base = decodeMicros(plain8k);
  for (const [label, text] of cases) {
    const us = decodeMicros(text);
    console.log(`  ${label.padEnd(22)} ${us.toFixed(0).padStart(7)} µs  (${(us / base).toFixed(1)}× plain 8 KB)`);
  }
}

export async function run(): Promise<void> {
  markup();
  await burst();
}
