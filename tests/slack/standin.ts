/**
 * A local stand-in for Slack on 127.0.0.1: the Web API (`POST /api/{method}`, form or JSON, every call
 * recorded), `response_url` endpoints (`POST /response/{id}`), and a Socket Mode WebSocket
 * (`apps.connections.open` hands out `ws://127.0.0.1:PORT/socket`, which says hello, takes envelopes and
 * records acks). It can answer a method with 429 + Retry-After a given number of times. For the OAuth
 * install it plays several workspaces: `grant()` issues an authorization code that `oauth.v2.access`
 * exchanges (once) for that workspace's bot token, and `auth.test` answers per token.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response:{id}` for response_url posts. */
  method: string;
  body: Record<string, unknown>;
  at: number;
  status: number;
  /** The bearer token the call was made with (which workspace's bot spoke), if any. */
  token?: string;
}

/** One workspace the stand-in plays for the OAuth install. */
export interface StandInWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
  installerUserId: string;
}

export const OAUTH_CLIENT_ID = '1234567890.0987654321';
export const OAUTH_CLIENT_SECRET = 'standin-client-secret-0123456789';

export const BOT_USER_ID = 'UBOT00001';
export const BOT_ID = 'BBOT00001';
export const TEAM_ID = 'T0000TEAM';

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const form = Object.fromEntries(new URLSearchParams(raw));
  if (typeof form.blocks === 'string') return { ...form, blocks: JSON.parse(form.blocks) as unknown };
  return form;
}

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly acks: string[] = [];
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private rateLimits = new Map<string, { times: number; retryAfter: number }>();
  private waiters: (() => void)[] = [];
  private ts = 1_700_000_000;
  port = 0;
  /** When set, auth.test / apps.connections.open answer `{ ok: false, error }` (a revoked token). */
  authError: string | undefined;
  /** Authorization codes not yet exchanged, and the workspace each installs. */
  private readonly grants = new Map<string, StandInWorkspace>();
  private readonly byToken = new Map<string, StandInWorkspace>();
  /** Called on every recorded call, at the moment it arrives (benchmarks time answers with it). */
  onCall: ((call: RecordedCall) => void) | undefined;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string };
        if (msg.envelope_id) this.acks.push(msg.envelope_id);
        this.notify();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'standin' } }));
      this.notify();
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Issues a one-time authorization code that installs `workspace` (what Slack hands the redirect). */
  grant(workspace: StandInWorkspace): string {
    const code = `code-${workspace.teamId}-${this.grants.size}-${Date.now()}`;
    this.grants.set(code, workspace);
    this.byToken.set(workspace.botToken, workspace);
    return code;
  }

  /** The next `times` calls of `method` get 429 with `Retry-After: retryAfter`. */
  rateLimit(method: string, times: number, retryAfter: number): void {
    this.rateLimits.set(method, { times, retryAfter });
  }

  /** Calls to message-sending methods and response_urls (what a user would see). */
  messages(): RecordedCall[] {
    return this.calls.filter((c) => c.status === 200 && (c.method.startsWith('chat.') || c.method.startsWith('response:')));
  }

  /** Waits until `predicate` holds (re-checked on every call/ack), or throws after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a Socket Mode envelope to the connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    if (!this.socket) throw new Error('no Socket Mode client connected');
    this.socket.send(JSON.stringify(envelope));
  }

  get socketConnected(): boolean {
    return this.socket !== undefined;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : url.pathname.startsWith('/response/') ? `response:${url.pathname.slice(10)}` : url.pathname;
    const limit = this.rateLimits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      this.calls.push({ method, body, at: Date.now(), status: 429 });
      res.writeHead(429, { 'retry-after': String(limit.retryAfter), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      this.notify();
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    const call: RecordedCall = { method, body, at: Date.now(), status: 200, ...(token && { token }) };
    this.calls.push(call);
    this.onCall?.(call);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.reply(method, body, token)));
    this.notify();
  }

  private reply(method: string, body: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    const workspace = token ? this.byToken.get(token) : undefined;
    switch (method) {
      case 'oauth.v2.access':
        return this.exchange(body);
      case 'auth.test':
        if (this.authError) return { ok: false, error: this.authError };
        if (workspace)
          return {
            ok: true,
            url: `https://${workspace.teamName}.slack.com/`,
            team: workspace.teamName,
            user: 'framework-desk',
            team_id: workspace.teamId,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
          };
        return { ok: true, url: 'https://standin.slack.com/', team: 'Stand-in', user: 'framework-desk', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'apps.connections.open':
        if (this.authError) return { ok: false, error: this.authError };
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage':
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: `${String(++this.ts)}.000100`, message: { text: body.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${String(++this.ts)}.000200` };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: 'V0VIEW' } };
      default:
        return method.startsWith('response:') ? { ok: true } : { ok: false, error: 'unknown_method' };
    }
  }

  /** `oauth.v2.access`: the app's credentials and a code issued by `grant()`, usable once, as on Slack. */
  private exchange(body: Record<string, unknown>): Record<string, unknown> {
    if (body.client_id !== OAUTH_CLIENT_ID || body.client_secret !== OAUTH_CLIENT_SECRET) return { ok: false, error: 'invalid_client_id' };
    const workspace = typeof body.code === 'string' ? this.grants.get(body.code) : undefined;
    if (!workspace) return { ok: false, error: 'invalid_code' };
    this.grants.delete(body.code as string);
    return {
      ok: true,
      app_id: 'A0APP',
      authed_user: { id: workspace.installerUserId },
      scope: 'app_mentions:read,chat:write,commands,im:history,channels:history,groups:history',
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }
}
