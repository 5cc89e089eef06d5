/**
 * The gate in front of Bolt's HTTPReceiver on `POST /slack/events`. Memory is spent only on what could
 * be Slack: a body whose Content-Length is over the cap is refused before a byte is read (413), bodies
 * without one are read up to the cap, and only a few unverified bodies are read at once (the rest wait
 * their turn; a flood past that is told 503 to come back). Then the signature, the timestamp window and
 * the body's shape are checked (`verify-request.ts`); only a request that passes reaches Bolt, already
 * buffered (Bolt reuses `req.rawBody`). Slack's unsigned `ssl_check` probe is answered here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RefusalLog, RefusalReason } from './refusal-log.ts';
import { checkBodyShape, FORM, isSslCheck, mediaType, verifySignature } from './verify-request.ts';

/**
 * Largest body accepted: 256 KiB. Slack's own samples (../shared/specs/slack/java-slack-sdk-samples)
 * top out at 44.5 KB (BlockActionPayload.json, pretty-printed; 40 KB form-encoded with every string
 * empty); a message event carries at most 40,000 characters of text (plus the same in its blocks).
 * 256 KiB covers that with room to spare and is 1/16 of Bolt's default 4 MB.
 */
export const MAX_SLACK_BODY_BYTES = 256 * 1024;
/** Unverified bodies read at once: at most 16 × 256 KiB = 4 MiB of memory for strangers. */
export const MAX_UNVERIFIED_READS = 16;
/** Requests waiting for a read slot before new ones are told 503. */
export const MAX_WAITING = 256;
/** Slack sends its body at once; a client still trickling after this is cut off (slow-loris). */
export const BODY_READ_TIMEOUT_MS = 5_000;

export interface GuardOptions {
  signingSecret: string;
  refusals: RefusalLog;
  /** Bolt's request listener: gets verified requests with `rawBody` set. */
  deliver: (req: IncomingMessage, res: ServerResponse) => void;
  maxBodyBytes?: number;
  maxUnverifiedReads?: number;
}

/** A counting gate: `enter` resolves when a slot is free, or false when too many already wait. */
function readSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    enter: (): Promise<boolean> => {
      if (free > 0) {
        free -= 1;
        return Promise.resolve(true);
      }
      if (waiting.length >= MAX_WAITING) return Promise.resolve(false);
      return new Promise((resolve) => waiting.push(() => resolve(true)));
    },
    leave: () => {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

type ReadResult = Buffer | 'too-large' | 'read-timeout' | 'aborted';

function readBody(req: IncomingMessage, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: ReadResult) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish('too-large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onError = () => finish('aborted');
    const timer = setTimeout(() => finish('read-timeout'), BODY_READ_TIMEOUT_MS);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

const STATUS: Record<RefusalReason, number> = { 'bad-signature': 401, 'bad-timestamp': 401, 'too-large': 413, 'read-timeout': 408, busy: 503, malformed: 400 };
/**
 * A refused body is never read. Closing the connection at once would reset it under a client still
 * writing (it gets EPIPE, not our status), so the answer is sent whole, nothing more is read (TCP stops
 * the sender), and the connection is cut after this linger — by then the client has read the answer.
 */
export const REFUSE_LINGER_MS = 1_000;

/** Answers at once with `status`; an unread body stays unread (see REFUSE_LINGER_MS). */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ ok: false, error: message });
  const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) };
  if (status === 503) headers['retry-after'] = '1';
  if (req.complete) {
    res.writeHead(status, headers).end(body);
    return;
  }
  // Not `end()`: Node would then read and discard the rest of the body, or close at once.
  res.writeHead(status, { ...headers, connection: 'close' }).write(body);
  req.pause();
  const cut = setTimeout(() => req.socket.destroy(), REFUSE_LINGER_MS);
  cut.unref();
  req.socket.once('close', () => clearTimeout(cut));
}

export function guardSlackEvents(options: GuardOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const maxBytes = options.maxBodyBytes ?? MAX_SLACK_BODY_BYTES;
  const slots = readSlots(options.maxUnverifiedReads ?? MAX_UNVERIFIED_READS);
  const reject = (req: IncomingMessage, res: ServerResponse, reason: RefusalReason, detail: string) => {
    options.refusals.record(reason, detail, req.socket.remoteAddress);
    refuse(req, res, STATUS[reason], detail);
  };

  return async (req, res) => {
    const declared = Number(req.headers['content-length']);
    if (declared > maxBytes) return reject(req, res, 'too-large', `body of ${declared} bytes is over the ${maxBytes}-byte limit`);
    if (!(await slots.enter())) return reject(req, res, 'busy', 'too many unverified requests at once; retry shortly');
    let body: ReadResult;
    try {
      body = await readBody(req, maxBytes);
    } finally {
      slots.leave();
    }
    if (body === 'aborted') return;
    if (body === 'too-large') return reject(req, res, 'too-large', `body is over the ${maxBytes}-byte limit`);
    if (body === 'read-timeout') return reject(req, res, 'read-timeout', `body not received within ${BODY_READ_TIMEOUT_MS} ms`);
    // Slack's unsigned connectivity probe is answered here, as Bolt would (200, empty), and never reaches
    // Bolt: only verified requests do, which is why Bolt's own signature check is off (index.ts).
    if (isSslCheck(req.headers, body)) {
      res.writeHead(200).end();
      return;
    }
    const verdict = verifySignature(req.headers, body, options.signingSecret);
    const shaped = verdict.ok ? checkBodyShape(req.headers, body) : verdict;
    if (!shaped.ok) return reject(req, res, shaped.reason, shaped.detail);
    // Bolt compares the form content type exactly; Slack's own never has parameters, a proxy's might.
    if (mediaType(req.headers) === FORM) req.headers['content-type'] = FORM;
    Object.assign(req, { rawBody: body });
    options.deliver(req, res);
  };
}
