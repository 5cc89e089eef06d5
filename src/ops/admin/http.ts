/**
 * The HTTP edges of the admin page: security headers on every response, form bodies read with a size
 * cap, cookies, and what the request says about itself (HTTPS, client address) — believed from
 * `X-Forwarded-*` only with TRUST_PROXY=1, because any client can send those headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { SafeHtml } from './html.ts';

/**
 * No script may run (there is none), styles only from our own stylesheet, forms only back to us, and no
 * other site may frame the page (clickjacking) — `X-Frame-Options` for browsers older than
 * `frame-ancestors`. `no-store`: admin pages show what users asked and must not sit in any cache.
 */
export const ADMIN_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Sends a whole HTML page with the admin security headers; `cookies` become `Set-Cookie` lines. */
export function sendPage(res: ServerResponse, status: number, page: SafeHtml, cookies: string[] = [], headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...ADMIN_HEADERS, 'content-type': 'text/html; charset=utf-8', ...headers, ...(cookies.length > 0 && { 'set-cookie': cookies }) });
  res.end(`<!doctype html>\n${page.value}`);
}

/** 303 See Other: after a POST the browser GETs `location` (a refresh does not re-post). */
export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(303, { ...ADMIN_HEADERS, location, ...(cookies.length > 0 && { 'set-cookie': cookies }) });
  res.end();
}

/** Admin forms carry a token and a few fields; anything bigger is not ours. */
const MAX_FORM_BYTES = 16 * 1024;

export type FormResult = { ok: true; fields: URLSearchParams } | { ok: false; status: 413 | 415; error: string };

/** Reads an `application/x-www-form-urlencoded` body, refusing other types and bodies over 16 KiB. */
export async function readForm(req: IncomingMessage): Promise<FormResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return { ok: false, status: 415, error: 'send the form as application/x-www-form-urlencoded (submit it from the admin page)' };
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) {
      req.resume();
      return { ok: false, status: 413, error: 'form too large' };
    }
    parts.push(chunk);
  }
  return { ok: true, fields: new URLSearchParams(Buffer.concat(parts).toString('utf8')) };
}

/** Cookie name → value from a `Cookie` header; malformed pairs are skipped. */
export function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, pair.slice(eq + 1).trim());
  }
  return cookies;
}

/** How the request reached us, as far as we may believe it. */
export interface RequestOrigin {
  https: boolean;
  clientAddress: string;
}

/**
 * HTTPS and the client address. Without `trustProxy` only the socket counts (this server speaks plain
 * HTTP, so `https` is false unless a TLS socket is handed to it). With it, the first `X-Forwarded-Proto`
 * value and the last `X-Forwarded-For` entry — the one our own proxy appended — are used.
 */
export function requestOrigin(req: IncomingMessage, trustProxy: boolean): RequestOrigin {
  const socketHttps = Boolean((req.socket as Partial<TLSSocket>).encrypted);
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return { https: socketHttps, clientAddress: socketAddress };
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim()
    .toLowerCase();
  const forwardedFor = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return { https: proto ? proto === 'https' : socketHttps, clientAddress: forwardedFor.at(-1) ?? socketAddress };
}
