/**
 * Boots the real Slack adapter (production Bolt configuration, HTTP mode) against the stand-in, with a
 * real Desk over a private copy of the knowledge base, mounted on a local HTTP server the way ops mounts
 * it, and sends signed requests. Every message the bot sends can be checked with `problems()`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ChatAdapter } from '../../src/adapters/adapter.ts';
import { createSlackAdapter } from '../../src/adapters/slack/index.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk, Store } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { messageProblems } from './block-kit-validator.ts';
import { ADMIN } from './payloads.ts';
import { SIGNING_SECRET, signedHeaders } from './signing.ts';
import { SlackStandIn, type RecordedCall } from './standin.ts';

export interface Harness {
  standIn: SlackStandIn;
  desk: Desk;
  store: Store;
  knowledgeDir: string;
  adapter: ChatAdapter;
  logs: { level: number; msg: string; [k: string]: unknown }[];
  /** Base URL of the bot's HTTP server (`POST /slack/events`). */
  url: string;
  /** Posts a signed request; returns status and ack body. */
  post(
    body: string,
    contentType: string,
    options?: { timestamp?: number; secret?: string; retryNum?: number; signature?: string },
  ): Promise<{ status: number; body: string; ms: number }>;
  event(payload: Record<string, unknown>, retryNum?: number): Promise<{ status: number; body: string; ms: number }>;
  command(fields: Record<string, string>): Promise<{ status: number; body: string; ms: number }>;
  action(payload: Record<string, unknown>): Promise<{ status: number; body: string; ms: number }>;
  /** Schema/limit/mention problems in every message sent so far. */
  problems(): string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Knowledge base to copy (default: the repo's `knowledge/`). */
  knowledge?: string;
  desk?: Desk;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await new SlackStandIn().start();
  const knowledgeDir = mkdtempSync(join(tmpdir(), 'slack-kb-'));
  cpSync(options.knowledge ?? 'knowledge', knowledgeDir, { recursive: true });
  const store = new MemoryStore();
  const desk = options.desk ?? (await createDesk({ knowledgeDir, store }));
  const logs: Harness['logs'] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Harness['logs'][number]);
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const adapter = createSlackAdapter({
    desk,
    store,
    logger,
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    apiUrl: standIn.apiUrl,
    adminUserIds: [ADMIN],
    drainMs: 2_000,
  });
  const routes = adapter.httpRoutes ?? [];
  const server: Server = createServer((req, res) => {
    const route = routes.find((r) => r.method === req.method && r.path === new URL(req.url ?? '/', 'http://x').pathname);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    void route.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await adapter.start();

  const post: Harness['post'] = async (body, contentType, opts = {}) => {
    const headers = signedHeaders(body, contentType, opts);
    if (opts.signature) headers['x-slack-signature'] = opts.signature;
    const started = performance.now();
    const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text(), ms: performance.now() - started };
  };
  return {
    standIn,
    desk,
    store,
    knowledgeDir,
    adapter,
    logs,
    url,
    post,
    event: (payload, retryNum) => post(JSON.stringify(payload), 'application/json', retryNum === undefined ? {} : { retryNum }),
    command: (fields) => post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded'),
    action: (payload) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'),
    problems: () => standIn.messages().flatMap((c: RecordedCall) => messageProblems(c.body).map((p) => `${c.method}: ${p}`)),
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await standIn.close();
      await store.close();
      rmSync(knowledgeDir, { recursive: true, force: true });
    },
  };
}

/** The blocks of a recorded message, as one searchable string (escaped as Slack would receive it). */
export function blockText(call: RecordedCall): string {
  return JSON.stringify(call.body.blocks ?? '') + String(call.body.text ?? '');
}

/** Every `{action_id, value}` of the buttons in a recorded message. */
export function buttonsOf(call: RecordedCall): { action_id: string; value: string; text: string }[] {
  const blocks = (call.body.blocks ?? []) as { type: string; elements?: { type: string; action_id: string; value: string; text: { text: string } }[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => ({ action_id: e.action_id, value: e.value, text: e.text.text })));
}

/**
 * One harness for a test file: started before its tests, closed after them, and after every test every
 * message the bot sent is checked (Block Kit schema, limits, no mention syntax). Returns a getter because
 * the harness exists only once `beforeAll` has run.
 */
export function useHarness(options: () => HarnessOptions | Promise<HarnessOptions> = () => ({})): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(await options());
  });
  afterEach(() => {
    expect(harness?.problems()).toEqual([]);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the Slack harness is not started yet (use it inside a test)');
    return harness;
  };
}
