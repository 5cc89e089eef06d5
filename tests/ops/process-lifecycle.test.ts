/**
 * The real entry point as an operator runs it: config errors exit non-zero with every problem listed;
 * the console bot serves health checks and metrics, reloads on SIGHUP, on /admin/reload and on file
 * changes (KB_WATCH=1); SIGTERM exits 0 after a graceful shutdown.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appMention } from '../slack/payloads.ts';
import { SIGNING_SECRET, signedHeaders } from '../slack/signing.ts';
import { SlackStandIn } from '../slack/standin.ts';
import { killQuietly, startBot, type BotProcess } from './process.ts';
import { freePort } from './redis-server.ts';

const KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;
const ADMIN_TOKEN = 'lifecycle-admin-token-123';
let bot: BotProcess | undefined;
let kbDir: string;

beforeAll(() => {
  kbDir = mkdtempSync(join(tmpdir(), 'fdesk-kb-'));
  cpSync(KNOWLEDGE, kbDir, { recursive: true });
});
afterAll(() => rmSync(kbDir, { recursive: true, force: true }));
afterEach(() => killQuietly(bot));

/** `npm start` in Slack HTTP mode against a Slack stand-in; resolves once it says it is running. */
async function startSlackBot(apiUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  bot = startBot({
    PORT: String(port),
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: kbDir,
    SLACK_BOT_TOKEN: 'xoxb-process-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    ...env,
  });
  await bot.waitFor(/Framework Desk running \(slack\)/);
  return { bot, base: `http://127.0.0.1:${port}` };
}

describe('npm start as a process', () => {
  it('refuses to start on a bad environment, listing every problem, exit code 2', async () => {
    bot = startBot({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxb-1', LOG_LEVEL: 'loud' });
    expect(await bot.exited).toBe(2);
    const text = bot.stderr();
    expect(text).toMatch(/PORT must be a whole number/);
    expect(text).toMatch(/LOG_LEVEL must be one of/);
    expect(text).toMatch(/SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN/);
  });

  it('exits 1 with the file and line when the knowledge base is broken at start', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'fdesk-broken-'));
    writeFileSync(join(broken, 'bad.md'), '---\ntitle: [unclosed\n---\n## A\ntext\n');
    bot = startBot({ PORT: String(await freePort()), KNOWLEDGE_DIR: broken, LOG_LEVEL: 'info' });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/bad\.md/);
    rmSync(broken, { recursive: true, force: true });
  });

  it('serves health, readiness and metrics in console mode, reloads on SIGHUP, /admin/reload and KB_WATCH, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    bot = startBot({ PORT: String(port), HOST: '127.0.0.1', KNOWLEDGE_DIR: kbDir, LOG_LEVEL: 'info', ADMIN_TOKEN, KB_WATCH: '1', KB_WATCH_DEBOUNCE_MS: '100' });
    await bot.waitFor(/HTTP listening/);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready).toMatchObject({ ready: true, knowledge: { loaded: true } });

    bot.child.kill('SIGHUP');
    await bot.waitFor(/knowledge reloaded \(sighup\)/);

    const refused = await fetch(`${base}/admin/reload`, { method: 'POST' });
    expect(refused.status).toBe(401);
    const reloaded = await fetch(`${base}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(reloaded.status).toBe(200);
    expect(await reloaded.json()).toMatchObject({ ok: true, trigger: 'http' });

    const file = readdirSync(kbDir).find((name) => name.endsWith('.md'))!;
    writeFileSync(join(kbDir, file), `${readFileSync(join(kbDir, file), 'utf8')}\n`);
    await bot.waitFor(/knowledge reloaded \(watch\)/);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/fdesk_reloads_total\{trigger="sighup",result="ok"\} 1/);
    expect(metrics).toMatch(/fdesk_reloads_total\{trigger="http",result="ok"\} 1/);
    expect(metrics).toMatch(/fdesk_reloads_total\{trigger="watch",result="ok"\} [1-9]/);
    expect(bot.stderr()).not.toContain(ADMIN_TOKEN);

    const stopping = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(bot.stderr()).toMatch(/shutdown complete/);
  }, 30_000);
});

describe('npm start with Slack in HTTP mode', () => {
  it('answers a signed mention on POST /slack/events, is ready, and exits 0 on SIGTERM', async () => {
    const slack = await new SlackStandIn().start();
    try {
      const { bot, base } = await startSlackBot(slack.apiUrl, { LOG_LEVEL: 'info' });
      expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ ready: true, adapters: { slack: true } });
      const event = appMention({ text: 'Which framework is better for research?' });
      const body = JSON.stringify(event);
      const ack = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json'), body });
      expect(ack.status).toBe(200);
      const ts = (event.event as { ts: string }).ts;
      await slack.waitFor(() => slack.calls.some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts), 5_000, 'the answer');
      const forged = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json', { secret: 'wrong' }), body });
      expect(forged.status).toBe(401);
      // The one log line per question, as JSON on stdout (not a terminal).
      const line = bot
        .stdout()
        .split('\n')
        .find((l) => l.includes('"event":"question"'));
      expect(JSON.parse(line!)).toMatchObject({ platform: 'slack', answered: true, topCitation: expect.any(String) });
      expect(bot.stdout()).not.toContain('xoxb-process-test');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      await slack.close();
    }
  }, 30_000);

  it('exits 1 with a plain message when the Slack API cannot be reached at start-up', async () => {
    bot = startBot({
      PORT: String(await freePort()),
      KNOWLEDGE_DIR: kbDir,
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: 'some-signing-secret',
      SLACK_API_URL: 'http://127.0.0.1:1/api/', // nothing listens on port 1
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/the slack adapter could not connect .* check SLACK_BOT_TOKEN/);
  }, 60_000);
});

describe('graceful shutdown with work in flight', () => {
  it('finishes an answer still being delivered when SIGTERM arrives, then exits 0', async () => {
    const slack = await new SlackStandIn().start();
    try {
      const { bot, base } = await startSlackBot(slack.apiUrl, { SHUTDOWN_GRACE_MS: '8000' });
      // Slack answers the first post with 429 Retry-After: 1 — the answer is in flight for a second.
      slack.rateLimit('chat.postMessage', 1, 1);
      const event = appMention({ text: 'Is PyTorch good for research?' });
      const body = JSON.stringify(event);
      const ack = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json'), body });
      expect(ack.status).toBe(200);
      await slack.waitFor(() => slack.calls.some((c) => c.method === 'chat.postMessage'), 5_000, 'the first (rate-limited) post');
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      const ts = (event.event as { ts: string }).ts;
      const delivered = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.body.thread_ts === ts);
      expect(delivered).toHaveLength(1);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(500); // it really waited for the retry
    } finally {
      await slack.close();
    }
  }, 30_000);
});

describe('npm start as a console chat', () => {
  it('answers piped questions on stdout and exits 0 at end of input', async () => {
    bot = startBot({ PORT: String(await freePort()), KNOWLEDGE_DIR: kbDir });
    bot.child.stdin.end('Which framework should I use for mobile apps?\n');
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toMatch(/TensorFlow Lite/);
    expect(bot.stdout()).not.toMatch(/"level"/); // logs stay off the conversation
  }, 30_000);
});
