/**
 * The WebClient's `fetch` (src/adapters/slack/web-api-fetch.ts): what it posts, the response members the
 * WebClient reads, and that the WebClient's own error, retry and fallback handling still works on top.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { WebClient, type WebAPIHTTPError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { slackClientOptions } from '../../src/adapters/slack/index.ts';
import { slackWebApiFetch } from '../../src/adapters/slack/web-api-fetch.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: number;
}

let server: Server;
let base = '';
const seen: Seen[] = [];
let reply: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');
const sockets = new WeakMap<object, number>();
let socketCount = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, ++socketCount);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), socket: sockets.get(req.socket)! });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  seen.length = 0;
  reply = (_req, res) => res.end('{}');
  vi.restoreAllMocks();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));

describe('slackWebApiFetch', () => {
  it('posts the string body with its headers and returns what fetch would', async () => {
    reply = (_req, res) => json(res, 200, { ok: true, ts: '1.2' }, { 'X-OAuth-Scopes': 'chat:write, commands', 'set-cookie': ['a=1', 'b=2'] });
    const body = 'channel=C1&text=caf%C3%A9%20%26%20more';
    const response = await slackWebApiFetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body,
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/chat.postMessage', body });
    expect(seen[0]!.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Bearer xoxb-1',
      'content-length': String(Buffer.byteLength(body)),
    });
    expect(response).toMatchObject({ ok: true, status: 200, statusText: 'OK', url: `${base}/api/chat.postMessage` });
    expect(response.headers.get('x-oauth-scopes')).toBe('chat:write, commands');
    expect(response.headers.get('X-OAUTH-SCOPES')).toBe('chat:write, commands');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(Object.fromEntries(response.headers.entries())).toMatchObject({ 'x-oauth-scopes': 'chat:write, commands', 'content-type': 'application/json; charset=utf-8' });
    expect(await response.json()).toEqual({ ok: true, ts: '1.2' });
  });

  it('keeps connections alive between calls', async () => {
    for (let i = 0; i < 3; i++) await (await slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1' })).text();
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it('undoes a gzip Content-Encoding, and hands binary bodies over as bytes', async () => {
    reply = (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"ok":true,"word":"zipped"}'));
    expect(await (await slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '' })).json()).toEqual({ ok: true, word: 'zipped' });
    reply = (_req, res) => res.writeHead(200, { 'content-type': 'application/gzip' }).end(Buffer.from([1, 2, 3, 250]));
    const bytes = await (await slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '' })).arrayBuffer();
    expect([...new Uint8Array(bytes)]).toEqual([1, 2, 3, 250]);
  });

  it('fails on a redirect when asked to, as fetch does, and returns it otherwise', async () => {
    reply = (_req, res) => res.writeHead(302, { location: 'http://elsewhere.invalid/' }).end();
    await expect(slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '', redirect: 'error' })).rejects.toThrow(TypeError);
    expect((await slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '', redirect: 'manual' })).status).toBe(302);
  });

  it('gives up when its signal aborts', async () => {
    reply = () => undefined; // never answers
    await expect(slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '', signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|abort/i);
    await expect(slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '', signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });

  it('rejects when the connection drops halfway through the answer', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"ok":');
      setTimeout(() => res.socket?.destroy(), 20);
    };
    await expect(slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: '' })).rejects.toThrow(/aborted|ECONNRESET|socket hang up/i);
  });

  it('rejects when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(slackWebApiFetch(`http://127.0.0.1:${port}/api/x`, { method: 'POST', body: '' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('leaves file uploads (FormData) and other methods to the global fetch', async () => {
    const global = vi.spyOn(globalThis, 'fetch');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2])]), 'a.bin');
    await slackWebApiFetch(`${base}/api/files.upload`, { method: 'POST', body: form });
    await slackWebApiFetch(`${base}/api/x`, { method: 'GET' });
    expect(global).toHaveBeenCalledTimes(2);
    expect(seen[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    await slackWebApiFetch(`${base}/api/x`, { method: 'POST', body: 'a=1' });
    expect(global).toHaveBeenCalledTimes(2);
  });
});

describe('a WebClient on slackWebApiFetch', () => {
  it('is what the adapter gives every WebClient', () => {
    expect(slackClientOptions(undefined).fetch).toBe(slackWebApiFetch);
    expect(slackClientOptions('http://127.0.0.1:1/api').fetch).toBe(slackWebApiFetch);
  });

  const client = () => new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, fetch: slackWebApiFetch, retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 10 } });

  it('posts a message form-encoded and returns the parsed result with header metadata', async () => {
    reply = (_req, res) => json(res, 200, { ok: true, ts: '9.9' }, { 'x-oauth-scopes': 'chat:write,commands' });
    const result = await client().chat.postMessage({ channel: 'C1', text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }] });
    expect(result).toMatchObject({ ok: true, ts: '9.9', response_metadata: { scopes: ['chat:write', 'commands'] } });
    expect(seen[0]!.headers.authorization).toBe('Bearer xoxb-test');
    const form = new URLSearchParams(seen[0]!.body);
    expect(form.get('channel')).toBe('C1');
    expect(JSON.parse(form.get('blocks')!)).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }]);
  });

  it('throws Slack platform errors and HTTP errors as the WebClient always has', async () => {
    reply = (_req, res) => json(res, 200, { ok: false, error: 'channel_not_found' });
    await expect(client().chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } });
    reply = (_req, res) => json(res, 503, { oops: true }, { 'x-trace': 't1' });
    const error = (await client()
      .chat.postMessage({ channel: 'C1', text: 'hi' })
      .catch((e: unknown) => e)) as WebAPIHTTPError;
    expect(error).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503, statusMessage: 'Service Unavailable', body: { oops: true } });
    expect(error.headers['x-trace']).toBe('t1');
    // retries: 1 → the 503 was tried twice.
    expect(seen.filter((s) => s.url === '/api/chat.postMessage')).toHaveLength(3);
  });

  it('waits out a 429 for its Retry-After and then posts', async () => {
    let limited = 0;
    reply = (_req, res) => (limited++ === 0 ? json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }) : json(res, 200, { ok: true }));
    const started = Date.now();
    await expect(client().chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(seen).toHaveLength(2);
  }, 10_000);
});
