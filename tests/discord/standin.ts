/**
 * A local stand-in for Discord: the REST API (`/api/v10/…`) and the gateway WebSocket on 127.0.0.1.
 * The real discord.js Client logs in against it (HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeat
 * ACKs); tests then dispatch MESSAGE_CREATE / INTERACTION_CREATE and read the REST calls the bot made.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '200000000000000001';
export const BOT_ID = '200000000000000002';
export const GUILD_ID = '200000000000000003';
export const CHANNEL_ID = '200000000000000004';
export const DM_CHANNEL_ID = '200000000000000005';
/** A public thread in the guild channel (type 11), present from GUILD_CREATE. */
export const THREAD_ID = '200000000000000006';

export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, without the query string. */
  path: string;
  query: string;
  body: unknown;
  at: number;
}

export const botUser = { id: BOT_ID, username: 'framework-desk', discriminator: '0', global_name: null, avatar: null, bot: true };

export function user(id: string, name = `user${id.slice(-3)}`) {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null };
}

let nextSnowflake = 300000000000000000n;
export function snowflake(): string {
  nextSnowflake += 1n;
  return String(nextSnowflake);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  return req.headers['content-type']?.includes('json') ? JSON.parse(text) : text;
}

/** A message object as Discord would return it for a body the bot sent. */
export function messageFromBody(body: unknown, channelId: string, extra: Record<string, unknown> = {}) {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    ...messageObject(channelId, botUser, String(b.content ?? '')),
    embeds: b.embeds ?? [],
    components: b.components ?? [],
    flags: b.flags ?? 0,
    ...extra,
  };
}

/** A default (type 0) message object as Discord sends it, sent just now, mentioning nobody. */
export function messageObject(channelId: string, author: object, content: string) {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [] as object[],
    mention_roles: [],
    attachments: [],
    embeds: [] as unknown[],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

export class DiscordStandIn {
  readonly calls: RecordedCall[] = [];
  readonly identified: unknown[] = [];
  /** Heartbeats received (each answered with op 11 ACK). */
  heartbeats = 0;
  /** Short so tests see heartbeats; discord.js reconnects if an ACK is missing. */
  static heartbeatIntervalMs = 1_000;
  /** A gateway close code to answer IDENTIFY with (4004 bad token, 4014 disallowed intents). */
  closeOnIdentify: number | undefined;
  /** Gateway connections accepted (more than one means the client reconnected). */
  connections = 0;
  /** Sessions that have identified or resumed and may receive dispatches. */
  private sockets = new Set<WebSocket>();
  /** Dispatches sent while no session was live (client reconnecting); delivered once it is back. */
  private pending: { t: string; d: unknown }[] = [];
  private seq = 0;
  /** Messages the bot posted to channels, by id, as Discord would return them (replies with their reference). */
  readonly posted = new Map<string, ReturnType<typeof messageFromBody>>();
  /** `GET /channels/{id}/messages/{id}` requests served. */
  messageReads = 0;
  /** Wakes `waitForCalls` on every recorded call, so waits measure the call, not a polling interval. */
  private readonly callRecorded = new EventEmitter().setMaxListeners(0);

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
  ) {}

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  static async start(): Promise<DiscordStandIn> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    const standIn = new DiscordStandIn(http, wss);
    http.on('request', (req, res) => void standIn.handleRest(req, res));
    wss.on('connection', (socket) => standIn.handleGateway(socket));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  private async handleRest(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const json = (status: number, payload?: unknown) => {
      // Like Discord: 204 has no body and no content type (discord.js would try to parse it).
      res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    // A token containing "rejected" plays a revoked token: Discord answers 401 to everything.
    if (req.headers.authorization?.includes('rejected')) return json(401, { message: '401: Unauthorized', code: 0 });
    if (method === 'GET' && path === '/gateway/bot') {
      return json(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === 'GET' && (path === '/oauth2/applications/@me' || path === '/applications/@me')) return json(200, { id: APP_ID, name: 'Framework Desk', bot: botUser });
    let m: RegExpExecArray | null;
    // Reading a message back (a reply's reference) is not something the bot posts, so it is not a call.
    if (method === 'GET' && (m = /^\/channels\/\d+\/messages\/(\d+)$/.exec(path))) {
      this.messageReads += 1;
      const found = this.posted.get(m[1] ?? '');
      return found ? json(200, found) : json(404, { message: 'Unknown Message', code: 10008 });
    }
    this.calls.push({ method, path, query: url.search, body, at: Date.now() });
    this.callRecorded.emit('call');
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) return json(200, this.post(body, m[1] ?? ''));
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return json(204);
    // Opening a DM with a user (message.author.send): the one DM channel of the stand-in.
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String((body as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
      return json(200, { id: DM_CHANNEL_ID, type: 1, last_message_id: null, flags: 0, recipients: [user(recipient)] });
    }
    if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return json(200, messageFromBody(body, CHANNEL_ID));
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return json(200, messageFromBody(body, CHANNEL_ID));
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return json(
        200,
        (body as { name: string }[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })),
      );
    }
    json(404, { message: `stand-in has no route for ${method} ${path}`, code: 0 });
  }

  /** Keeps a posted message; a reply (`message_reference` in the body) is type 19 and points at its question. */
  private post(body: unknown, channelId: string) {
    const reference = (body as { message_reference?: { message_id?: string } } | undefined)?.message_reference;
    const extra = reference?.message_id ? { type: 19, message_reference: { type: 0, message_id: reference.message_id, channel_id: channelId, guild_id: GUILD_ID } } : {};
    const message = messageFromBody(body, channelId, extra);
    this.posted.set(message.id, message);
    return message;
  }

  /** The last message the bot posted in reply to message `questionId`. */
  replyTo(questionId: string): ReturnType<typeof messageFromBody> | undefined {
    return [...this.posted.values()].filter((m) => (m as { message_reference?: { message_id: string } }).message_reference?.message_id === questionId).at(-1);
  }

  private handleGateway(socket: WebSocket): void {
    this.connections += 1;
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: DiscordStandIn.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d?: unknown };
      if (payload.op === 1) {
        this.heartbeats += 1;
        socket.send(JSON.stringify({ op: 11 }));
      }
      if (payload.op === 6) {
        // RESUME after a reconnect (e.g. a late heartbeat ACK on a busy machine): replay nothing, go on.
        this.sockets.add(socket);
        this.send(socket, 'RESUMED', {});
        this.flushPending();
        return;
      }
      if (payload.op !== 2) return;
      this.identified.push(payload.d);
      if (this.closeOnIdentify) {
        socket.close(this.closeOnIdentify, 'refused by stand-in');
        return;
      }
      this.sockets.add(socket);
      this.send(socket, 'READY', {
        v: 10,
        user: botUser,
        guilds: [{ id: GUILD_ID, unavailable: true }],
        session_id: 'standin-session',
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [0, 1],
        application: { id: APP_ID, flags: 0 },
      });
      this.send(socket, 'GUILD_CREATE', {
        id: GUILD_ID,
        name: 'Test Guild',
        icon: null,
        owner_id: '200000000000000099',
        unavailable: false,
        member_count: 3,
        joined_at: new Date().toISOString(),
        features: [],
        channels: [{ id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID, position: 0, permission_overwrites: [] }],
        roles: [{ id: GUILD_ID, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false }],
        members: [],
        threads: [
          {
            id: THREAD_ID,
            type: 11,
            guild_id: GUILD_ID,
            parent_id: CHANNEL_ID,
            name: 'framework talk',
            owner_id: '200000000000000099',
            message_count: 0,
            member_count: 1,
            thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
          },
        ],
        emojis: [],
        stickers: [],
        voice_states: [],
        presences: [],
      });
      this.flushPending();
    });
  }

  private send(socket: WebSocket, t: string, d: unknown): void {
    socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Sends a dispatch to every connected gateway session. */
  dispatch(t: string, d: unknown): void {
    const live = [...this.sockets].filter((socket) => socket.readyState === socket.OPEN);
    if (live.length === 0) this.pending.push({ t, d });
    for (const socket of live) this.send(socket, t, d);
  }

  private flushPending(): void {
    const queued = this.pending.splice(0);
    for (const { t, d } of queued) this.dispatch(t, d);
  }

  /** Waits (bounded) until `count` calls after index `from` match `predicate`. */
  async waitForCalls(predicate: (call: RecordedCall) => boolean, count = 1, from = 0, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const found = () => this.calls.slice(from).filter(predicate);
    if (found().length >= count) return found();
    return new Promise((resolve, reject) => {
      const check = () => {
        const matched = found();
        if (matched.length < count) return;
        finish();
        resolve(matched);
      };
      const timer = setTimeout(() => {
        finish();
        const seen =
          this.calls
            .slice(from)
            .map((c) => `${c.method} ${c.path}`)
            .join(', ') || 'none';
        reject(new Error(`timed out waiting for ${count} matching REST call(s); calls seen: ${seen}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.callRecorded.off('call', check);
      };
      this.callRecorded.on('call', check);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise((resolve) => this.wss.close(resolve));
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
  }
}
