/**
 * Socket Mode against a local WebSocket stand-in: the app token opens a connection through
 * SLACK_API_URL (apps.connections.open), gets hello, receives an events_api envelope, acks it and
 * answers through the same Web API base.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../src/adapters/adapter.ts';
import { createSlackAdapter } from '../../src/adapters/slack/index.ts';
import { createDesk } from '../../src/core/desk.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { messageProblems } from './block-kit-validator.ts';
import { appMention, blockAction, nextTs, slashCommand } from './payloads.ts';
import { SlackStandIn } from './standin.ts';

let standIn: SlackStandIn;
let adapter: ChatAdapter;
let store: MemoryStore;
beforeAll(async () => {
  standIn = await new SlackStandIn().start();
  store = new MemoryStore();
  const desk = await createDesk({ knowledgeDir: 'knowledge', store });
  const logger = pino({ level: 'warn' }, new Writable({ write: (_c, _e, done) => done() }));
  adapter = createSlackAdapter({ desk, store, logger, botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: standIn.apiUrl, adminUserIds: [] });
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await store?.close();
});

describe('Slack Socket Mode', () => {
  it('connects through SLACK_API_URL, acks an events_api envelope and answers', async () => {
    const started = performance.now();
    await adapter.start();
    expect(adapter.httpRoutes).toBeUndefined();
    expect(standIn.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['auth.test', 'apps.connections.open']));
    await standIn.waitFor(() => adapter.isReady(), 3_000, 'socket connected');
    const ts = nextTs();
    const payload = appMention({ text: 'Which is easier to deploy on mobile?', ts });
    standIn.sendEnvelope({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    await standIn.waitFor(() => standIn.acks.includes('env-1'), 3_000, 'the ack');
    await standIn.waitFor(() => standIn.calls.some((c) => c.method === 'chat.postMessage'), 5_000, 'the answer');
    expect(performance.now() - started).toBeLessThan(5_000);
    const post = standIn.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(post.body.thread_ts).toBe(ts);
    expect(messageProblems(post.body)).toEqual([]);
    // A redelivery of the same event over the socket is acked but not answered again.
    standIn.sendEnvelope({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await standIn.waitFor(() => standIn.acks.includes('env-2'), 3_000, 'the second ack');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('takes slash commands and button clicks over the socket too', async () => {
    const command = slashCommand('/choose-framework', '', standIn.responseUrl('sock-cmd'));
    standIn.sendEnvelope({ envelope_id: 'env-cmd', type: 'slash_commands', accepts_response_payload: true, payload: command });
    await standIn.waitFor(() => standIn.acks.includes('env-cmd'), 3_000, 'the command ack');
    await standIn.waitFor(() => standIn.calls.some((c) => c.method === 'response:sock-cmd'), 5_000, 'the questionnaire');
    const question = standIn.calls.find((c) => c.method === 'response:sock-cmd')!;
    expect(messageProblems(question.body)).toEqual([]);
    const blocks = question.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const option = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    const click = blockAction(option, { responseUrl: standIn.responseUrl('sock-click') });
    standIn.sendEnvelope({ envelope_id: 'env-click', type: 'interactive', accepts_response_payload: false, payload: click });
    await standIn.waitFor(() => standIn.calls.some((c) => c.method === 'response:sock-click'), 5_000, 'the next question');
    expect(standIn.acks).toContain('env-click');
    expect(standIn.calls.find((c) => c.method === 'response:sock-click')!.body.replace_original).toBe(true);
  });

  it('acks a malformed envelope (no redelivery loop) and keeps serving', async () => {
    const broken = { ...appMention({ text: 'x' }), event: { type: 'app_mention', user: 42, channel: null, text: { nested: true } } };
    standIn.sendEnvelope({ envelope_id: 'env-broken', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: broken });
    await standIn.waitFor(() => standIn.acks.includes('env-broken'), 3_000, 'the ack of the malformed envelope');
    expect(adapter.isReady()).toBe(true);
  });

  it('stops cleanly', async () => {
    await adapter.stop();
    expect(adapter.isReady()).toBe(false);
  });
});

describe('Slack start-up errors', () => {
  const quiet = pino({ level: 'silent' });
  it('names SLACK_BOT_TOKEN when Slack refuses it, and SLACK_API_URL when unreachable', async () => {
    const standIn = await new SlackStandIn().start();
    standIn.authError = 'invalid_auth';
    const store = new MemoryStore();
    const desk = await createDesk({ knowledgeDir: 'knowledge', store });
    try {
      const refused = createSlackAdapter({ desk, store, logger: quiet, botToken: 'xoxb-revoked', signingSecret: 'secret-123456', apiUrl: standIn.apiUrl, adminUserIds: [] });
      await expect(refused.start()).rejects.toThrow(/invalid_auth.*SLACK_BOT_TOKEN/);
      expect(refused.isReady()).toBe(false);
      const unreachable = createSlackAdapter({
        desk,
        store,
        logger: quiet,
        botToken: 'xoxb-x',
        signingSecret: 'secret-123456',
        apiUrl: 'http://127.0.0.1:1/api/',
        adminUserIds: [],
      });
      await expect(unreachable.start()).rejects.toThrow(/SLACK_API_URL/);
      expect(() => createSlackAdapter({ desk, store, logger: quiet, botToken: 'xoxb-x', adminUserIds: [] })).toThrow(/SLACK_SIGNING_SECRET/);
    } finally {
      await standIn.close();
      await store.close();
    }
  }, 20_000);
});
