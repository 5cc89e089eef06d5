/**
 * The `fetch` our Slack WebClients (and Bolt's `respond`) are given (`WebClientOptions.fetch`): a POST of
 * a string body over node:http(s) with keep-alive agents. @slack/web-api posts every call this way (a
 * form-encoded string) and reads the answer back whole; the global WHATWG fetch (undici) spent ~200 µs
 * CPU a call on that in the bot (its streams, headers and promise machinery), more than all our own work
 * per mention, where this costs ~60 µs (bench/slack-e2e.ts, docs/benchmarks.md). The WebClient keeps
 * its queue, its retries and its 429 handling: they sit above `fetch` and read only the members of its
 * own `FetchResponse` contract, which is what this returns. Anything else (a FormData file upload,
 * another method, a non-http URL) goes to the global fetch unchanged.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchFunction } from '@slack/web-api';

type FetchRequestInit = NonNullable<Parameters<FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type StringPost = FetchRequestInit & { body: string };

/**
 * Node's own global-agent settings (Node ≥ 19), in agents of our own: connections are reused, and one
 * idle for 5 s is closed by us before the server's side drops it under a request.
 */
const AGENT_OPTIONS = { keepAlive: true, scheduling: 'lifo', timeout: 5_000 } as const;
const agents = { 'http:': new HttpAgent(AGENT_OPTIONS), 'https:': new HttpsAgent(AGENT_OPTIONS) };

/** A Content-Encoding the server chose anyway (we ask for none) is undone, as fetch would. */
function decoded(res: IncomingMessage): NodeJS.ReadableStream {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function responseOf(url: string, res: IncomingMessage, body: Buffer): FetchResponse {
  // Node lowercases incoming header names; fetch's Headers joins repeated ones with ", ".
  const header = (name: string) => {
    const value = res.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  const status = res.statusCode ?? 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url,
    headers: { get: header, entries: () => Object.keys(res.headers).map((name): [string, string] => [name, header(name) ?? '']) },
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')) as unknown,
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  };
}

function post(url: URL, init: StringPost): Promise<FetchResponse> {
  const { signal } = init;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (res) => {
      // fetch with `redirect: 'error'` (the WebClient's) fails on a redirect instead of returning it.
      const status = res.statusCode ?? 0;
      if (init.redirect === 'error' && status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        reject(new TypeError(`fetch failed: redirected to ${res.headers.location}`));
        return;
      }
      readAll(decoded(res)).then((body) => resolve(responseOf(url.href, res, body)), reject);
    });
    const abort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', abort, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', abort));
    req.once('error', reject);
    req.end(init.body);
  });
}

/**
 * `fetch` for `WebClientOptions.fetch`: string-body POSTs to http(s) URLs over keep-alive node:http(s),
 * anything else through `globalThis.fetch`.
 */
export const slackWebApiFetch: FetchFunction = (input, init) => {
  const url = typeof input === 'string' ? new URL(input) : input;
  if (init?.method === 'POST' && typeof init.body === 'string' && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return post(url, init as StringPost);
  }
  return globalThis.fetch(input, init);
};
