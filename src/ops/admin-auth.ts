/**
 * Admin token checks: the bearer header of `POST /admin/reload` and the admin page's sign-in form.
 * Tokens are compared with the shared constant-time `sameSecret`.
 */
import { sameSecret } from '../core/same-secret.ts';

export type AdminAuth = { ok: true } | { ok: false; status: 401 | 403 | 503; error: string; fix: string };

/** Decides whether an `Authorization` header value grants admin access, with an explanation when not. */
export function checkAdminAuth(expected: string | undefined, header: string | undefined): AdminAuth {
  if (!expected) {
    return { ok: false, status: 503, error: 'admin endpoint disabled', fix: 'set ADMIN_TOKEN on the server to enable /admin/reload' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) {
    return { ok: false, status: 401, error: 'missing bearer token', fix: 'send the header "Authorization: Bearer <ADMIN_TOKEN>"' };
  }
  if (!sameSecret(match[1], expected)) {
    return { ok: false, status: 403, error: 'wrong admin token', fix: 'use the ADMIN_TOKEN configured on this server' };
  }
  return { ok: true };
}
