/**
 * Scale-out, end to end: two complete bots (replica A and B, each `startApp` exactly as `npm start` wires
 * it — Slack HTTP mode, own HTTP port, own Redis connections) share one real redis-server and one
 * knowledge volume, and talk to one Slack stand-in. Proves: a Slack retry delivered to the other replica
 * is not answered twice; a /choose-framework flow started on A continues on B; a follow-up in a thread on
 * B is read with the question asked on A; a reload on A changes B's
 * answers; Redis restarted mid-run → both keep answering and recover.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/ops/app.ts';
import { openStore } from '../../src/stores/open-store.ts';
import { loadConfig } from '../../src/ops/config.ts';
import { blockText, buttonsOf } from '../slack/harness.ts';
import { appMention, blockAction, message, nextTs, slashCommand } from '../slack/payloads.ts';
import { SIGNING_SECRET, signedHeaders } from '../slack/signing.ts';
import { SlackStandIn, type RecordedCall } from '../slack/standin.ts';
import { captureLogger } from './fakes.ts';
import { freePort, hasRedisServer, TestRedis } from './redis-server.ts';

const ADMIN_TOKEN = 'replica-admin-token-0123';

describe.runIf(hasRedisServer())('two replicas sharing Redis', () => {
  let redis: TestRedis;
  let slack: SlackStandIn;
  let knowledgeDir: string;
  const replicas: Record<'A' | 'B', { app: App; url: string }> = {} as never;
  let responses = 0;

  async function startReplica(name: 'A' | 'B') {
    const port = await freePort();
    const loaded = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: knowledgeDir,
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: redis.url,
      ADMIN_TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
      SHUTDOWN_GRACE_MS: '2000',
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const { env } = loaded.config;
    const app = await startApp(loaded.config, {
      logger: captureLogger('warn').logger,
      openStore: openStore({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX }),
      processTriggers: false,
      exit: () => undefined,
      instanceId: name,
    });
    replicas[name] = { app, url: `http://127.0.0.1:${app.port}` };
  }

  async function post(to: 'A' | 'B', body: string, contentType: string, retryNum?: number) {
    const headers = signedHeaders(body, contentType, retryNum === undefined ? {} : { retryNum });
    const res = await fetch(`${replicas[to].url}/slack/events`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
  }
  const sendEvent = (to: 'A' | 'B', payload: Record<string, unknown>, retryNum?: number) => post(to, JSON.stringify(payload), 'application/json', retryNum);

  /** Sends a slash command or click to one replica and returns what it posted to the response_url. */
  async function interact(to: 'A' | 'B', fields: (responseUrl: string) => Record<string, string>): Promise<RecordedCall> {
    const id = `rep${++responses}`;
    await post(to, new URLSearchParams(fields(slack.responseUrl(id))).toString(), 'application/x-www-form-urlencoded');
    await slack.waitFor(() => slack.calls.some((c) => c.method === `response:${id}`), 5_000, `response ${id}`);
    return slack.calls.find((c) => c.method === `response:${id}`)!;
  }
  const command = (to: 'A' | 'B', name: string, text: string) => interact(to, (url) => slashCommand(name, text, url));
  const click = (to: 'A' | 'B', button: { action_id: string; value: string }) => interact(to, (url) => ({ payload: JSON.stringify(blockAction(button, { responseUrl: url })) }));
  const threadPosts = (ts: string) => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.body.thread_ts === ts);

  beforeAll(async () => {
    redis = await TestRedis.start();
    slack = await new SlackStandIn().start();
    knowledgeDir = mkdtempSync(join(tmpdir(), 'fdesk-replicas-'));
    cpSync(new URL('../../knowledge/', import.meta.url).pathname, knowledgeDir, { recursive: true });
    await startReplica('A');
    await startReplica('B');
  });

  afterAll(async () => {
    for (const replica of Object.values(replicas)) await replica.app.shutdown('test over');
    await slack?.close();
    await redis?.destroy();
    if (knowledgeDir) rmSync(knowledgeDir, { recursive: true, force: true });
  });

  it('both replicas are ready', async () => {
    for (const name of ['A', 'B'] as const) {
      const ready = await fetch(`${replicas[name].url}/readyz`);
      expect(ready.status, `replica ${name}`).toBe(200);
    }
  });

  it('answers a Slack event once when its retries land on the other replica', async () => {
    const event = appMention({ text: 'Which framework is better for mobile deployment?' });
    const ts = (event.event as { ts: string }).ts;
    await sendEvent('A', event);
    await sendEvent('B', event, 1);
    await sendEvent('B', event, 2);
    await slack.waitFor(() => threadPosts(ts).length > 0, 5_000, 'the answer');
    await new Promise((resolve) => setTimeout(resolve, 400)); // room for a wrong second answer
    expect(threadPosts(ts)).toHaveLength(1);
  });

  it('continues a /choose-framework flow started on A with clicks on B (and back)', async () => {
    let message = await command('A', '/choose-framework', '');
    expect(blockText(message)).toMatch(/question 1 of/);
    const seen: string[] = [];
    for (let i = 0; i < 12 && !blockText(message).includes('Recommendation:'); i++) {
      const option = buttonsOf(message).find((b) => b.value.startsWith('cf1|a|'));
      expect(option, blockText(message)).toBeDefined();
      message = await click(i % 2 === 0 ? 'B' : 'A', option!);
      expect(blockText(message)).not.toMatch(/expired/i);
      seen.push(blockText(message).match(/question \d+ of \d+/)?.[0] ?? 'result');
    }
    expect(blockText(message)).toContain('Recommendation:');
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('a follow-up on B continues the question asked on A in the thread, and "source?" back on A lists its citations', async () => {
    const root = nextTs();
    await sendEvent('A', appMention({ text: 'which framework is better for production?', ts: root }));
    await slack.waitFor(() => threadPosts(root).length === 1, 5_000, 'the answer from A');
    await sendEvent('B', message({ text: 'and what about for mobile?', channelType: 'channel', threadTs: root }));
    await slack.waitFor(() => threadPosts(root).length === 2, 5_000, 'the follow-up answer from B');
    const followUp = blockText(threadPosts(root)[1]!);
    // Production tooling and mobile together: read with A's question, not on its own.
    expect(followUp).toMatch(/caught up through TorchServe, TorchScript and ONNX export/);
    expect(followUp).toMatch(/PyTorch Mobile/);
    await sendEvent('A', message({ text: 'source?', channelType: 'channel', threadTs: root }));
    await slack.waitFor(() => threadPosts(root).length === 3, 5_000, 'the sources from A');
    expect(blockText(threadPosts(root)[2]!)).toMatch(/Sources for “which framework is better for production\? → and what about for mobile\?”/);
  });

  it('a reload on A changes the answers on B', async () => {
    const question = 'What is the Quokkaflux accelerator for PyTorch?';
    const who = { platform: 'cli' as const, userId: 'ops-test', conversation: 'replicas' };
    expect((await replicas.B.app.desk.ask(question, who)).answered).toBe(false);
    const before = replicas.B.app.desk.status().chunks;
    writeFileSync(
      join(knowledgeDir, 'zz-quokkaflux.md'),
      [
        '---',
        'id: zz-quokkaflux',
        'title: The Quokkaflux accelerator',
        'source:',
        '  publisher: Ops test',
        '  title: Quokkaflux field notes',
        '  date: "2026"',
        'frameworks: [pytorch]',
        'tags: [quokkaflux, accelerator]',
        '---',
        '',
        '## Quokkaflux accelerator for PyTorch',
        'The Quokkaflux accelerator is a made-up PyTorch accelerator card used only by the ops replica test. ' +
          'Quokkaflux runs PyTorch training jobs and exists so the test can tell the old knowledge base from the new one.',
        '',
      ].join('\n'),
    );
    const res = await fetch(`${replicas.A.url}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && replicas.B.app.desk.status().chunks === before; i++) await new Promise((r) => setTimeout(r, 25));
    expect(replicas.B.app.desk.status().chunks).toBe(before + 1);
    const answer = await replicas.B.app.desk.ask(question, who);
    expect(answer.answered).toBe(true);
    expect(answer.snippets[0]?.citation.chunkId).toMatch(/^zz-quokkaflux#/);
  });

  it('keeps answering while Redis is down, tells flow users to try again, and recovers when Redis is back', async () => {
    const flowStart = await command('B', '/choose-framework', '');
    const option = buttonsOf(flowStart).find((b) => b.value.startsWith('cf1|a|'))!;
    await redis.stop();

    const event = appMention({ text: 'How does TensorFlow Lite help on phones?' });
    const ts = (event.event as { ts: string }).ts;
    await sendEvent('A', event);
    await slack.waitFor(() => threadPosts(ts).length > 0, 5_000, 'an answer while Redis is down');
    expect(blockText(threadPosts(ts)[0]!)).toMatch(/TensorFlow Lite/);
    const duringOutage = await click('A', option);
    expect(blockText(duringOutage)).toMatch(/try again/i);

    await redis.restart();
    for (const name of ['A', 'B'] as const) {
      const store = replicas[name].app.store as unknown as { redis: { status: string } };
      for (let i = 0; i < 200 && store.redis.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 25));
      expect(store.redis.status, `replica ${name} reconnected`).toBe('ready');
    }
    // Sessions were in the old Redis (no persistence): the flow starts over and works across replicas again.
    const restarted = await command('A', '/choose-framework', '');
    const next = await click('B', buttonsOf(restarted).find((b) => b.value.startsWith('cf1|a|'))!);
    expect(blockText(next)).toMatch(/question 2 of/);
    const after = appMention({ text: 'Is PyTorch good for research?' });
    await sendEvent('B', after);
    await slack.waitFor(() => threadPosts((after.event as { ts: string }).ts).length === 1, 5_000, 'an answer after recovery');
  });
});
