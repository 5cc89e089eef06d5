/**
 * Slack's request checks, done before Bolt sees a request: the signature (`v0=` HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` with the signing secret, compared in constant time), a timestamp within
 * five minutes *either way* (Bolt only refuses old ones), and a body Bolt can handle — a JSON object or
 * Slack's form encoding (whose `payload` field, when present, is a JSON object). Anything else would
 * crash inside Bolt's receiver (a signed `null` left the socket hanging) and gets a 400 instead.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../../core/same-secret.ts';
import type { IncomingHttpHeaders } from 'node:http';

/** Slack's replay window, both ways: https://docs.slack.dev/authentication/verifying-requests-from-slack */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export const FORM = 'application/x-www-form-urlencoded';

export type Verdict = { ok: true } | { ok: false; status: 400 | 401; reason: 'bad-signature' | 'bad-timestamp' | 'malformed'; detail: string };

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The media type without parameters, lowercased: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (header(headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Slack's unsigned connectivity probe, which Bolt answers itself (stripping anything else in the body). */
export function isSslCheck(headers: IncomingHttpHeaders, body: Buffer): boolean {
  return mediaType(headers) === FORM && new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
}

export function verifySignature(headers: IncomingHttpHeaders, body: Buffer, signingSecret: string, nowMs = Date.now()): Verdict {
  const timestamp = header(headers, 'x-slack-request-timestamp') ?? '';
  const signature = header(headers, 'x-slack-signature') ?? '';
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, reason: 'bad-timestamp', detail: 'missing or non-numeric X-Slack-Request-Timestamp' };
  const skew = Math.floor(nowMs / 1000) - Number(timestamp);
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, status: 401, reason: 'bad-timestamp', detail: `timestamp ${skew > 0 ? `${skew} s old` : `${-skew} s in the future`} (Slack allows 5 minutes either way)` };
  }
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
  if (!sameSecret(signature, expected)) return { ok: false, status: 401, reason: 'bad-signature', detail: 'X-Slack-Signature does not match the body' };
  return { ok: true };
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

function parsesToObject(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A signed body Bolt can process: a JSON object, or the form encoding (with a JSON-object `payload` if any). */
export function checkBodyShape(headers: IncomingHttpHeaders, body: Buffer): Verdict {
  const type = mediaType(headers);
  const text = body.toString('utf8');
  if (type === FORM) {
    const payload = new URLSearchParams(text).get('payload');
    if (payload === null || parsesToObject(payload)) return { ok: true };
    return { ok: false, status: 400, reason: 'malformed', detail: 'form field `payload` is not a JSON object' };
  }
  if (type === 'application/json' || type === '') {
    if (parsesToObject(text)) return { ok: true };
    return { ok: false, status: 400, reason: 'malformed', detail: 'the body is not a JSON object' };
  }
  return { ok: false, status: 400, reason: 'malformed', detail: `unsupported content type "${type}" (Slack sends JSON or ${FORM})` };
}
