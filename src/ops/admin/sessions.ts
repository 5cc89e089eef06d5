/**
 * Admin sign-in sessions, kept in the Store (memory, or Redis shared by every replica) with a fixed
 * lifetime. The cookie carries a random id; the Store key is that id's SHA-256, so someone who can read
 * Redis still cannot sign in with what they see there. Each session holds its own CSRF token
 * (synchroniser token): every POST from the admin page must echo it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../core/ports.ts';
import { parseStoredJson } from '../../core/stored-json.ts';
import { sameSecret } from '../../core/same-secret.ts';

/** The session cookie, and the short-lived cookie that protects the sign-in form itself. */
export const SESSION_COOKIE = 'fdesk_admin';
export const SIGN_IN_COOKIE = 'fdesk_admin_form';
/** A session ends this long after sign-in, however busy it was (sign in again after). */
export const SESSION_TTL_MS = 8 * 3_600_000;

export interface AdminSession {
  /** Echoed by every form on the page; compared with `sameSecret`. */
  csrf: string;
  createdAt: number;
}

/** 32 random bytes, URL- and cookie-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** True when `given` is a well-formed token equal to `expected` (constant time). */
export function tokenMatches(given: string | null | undefined, expected: string | undefined): boolean {
  return typeof given === 'string' && typeof expected === 'string' && TOKEN_SHAPE.test(given) && sameSecret(given, expected);
}

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Strict, scoped to /admin, Secure when the request was HTTPS. */
export function adminCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/admin', 'HttpOnly', 'SameSite=Strict', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export class AdminSessions {
  constructor(
    private readonly store: Store,
    private readonly ttlMs = SESSION_TTL_MS,
  ) {}

  private key(id: string): string {
    return `admin:${createHash('sha256').update(id).digest('hex')}`;
  }

  /** Starts a session; undefined when the Store did not keep it (Redis down: writes fail open). */
  async create(): Promise<{ id: string; session: AdminSession } | undefined> {
    const id = randomToken();
    const session: AdminSession = { csrf: randomToken(), createdAt: Date.now() };
    await this.store.setSession(this.key(id), JSON.stringify(session), this.ttlMs);
    // Read back: a session the Store silently dropped would bounce the admin back to sign-in.
    return (await this.read(id)) ? { id, session } : undefined;
  }

  /** The live session for a cookie value; undefined for a malformed, unknown or expired id. */
  async read(id: string | undefined): Promise<AdminSession | undefined> {
    if (!id || !TOKEN_SHAPE.test(id)) return undefined;
    const stored = parseStoredJson<AdminSession>(await this.store.getSession(this.key(id)));
    return typeof stored?.csrf === 'string' && typeof stored.createdAt === 'number' ? { csrf: stored.csrf, createdAt: stored.createdAt } : undefined;
  }

  async destroy(id: string): Promise<void> {
    if (TOKEN_SHAPE.test(id)) await this.store.deleteSession(this.key(id));
  }
}
