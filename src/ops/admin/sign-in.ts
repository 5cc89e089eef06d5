/**
 * Signing in and out. The sign-in form is itself CSRF-protected (a random token in a short-lived
 * SameSite=Strict cookie that the form must echo), attempts are rate-limited per client address in the
 * Store, and a wrong token gets one message whatever was wrong with it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from '../../core/same-secret.ts';
import { type AdminContext, originOf, sessionOf } from './context.ts';
import { readCookies, readForm, redirect, sendPage } from './http.ts';
import { adminCookie, randomToken, SESSION_COOKIE, SESSION_TTL_MS, SIGN_IN_COOKIE, tokenMatches } from './sessions.ts';
import { problemPage, signInPage } from './sign-in-page.ts';

/** Sign-in attempts allowed per client address per window (a person mistyping needs a handful). */
export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
const FORM_COOKIE_SECONDS = 3_600;

const WRONG_TOKEN = 'That admin token was not accepted. Check it and try again.';

/** Renders the sign-in form with a fresh form token (and its cookie). */
export function showSignIn(context: AdminContext, req: IncomingMessage, res: ServerResponse, status = 200, problem?: string, headers: Record<string, string> = {}): void {
  const formToken = randomToken();
  const cookie = adminCookie(SIGN_IN_COOKIE, formToken, { maxAgeSeconds: FORM_COOKIE_SECONDS, secure: originOf(context, req).https });
  sendPage(res, status, signInPage(formToken, problem), [cookie], headers);
}

export async function signIn(context: AdminContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { logger, store } = context;
  const origin = originOf(context, req);
  const form = await readForm(req);
  if (!form.ok) return sendPage(res, form.status, problemPage('Sign-in failed', form.error));
  if (!tokenMatches(form.fields.get('csrf'), readCookies(req.headers.cookie).get(SIGN_IN_COOKIE))) {
    logger.warn({ event: 'admin-refused', reason: 'csrf', remote: origin.clientAddress }, 'admin sign-in refused: missing or stale form token');
    return showSignIn(context, req, res, 403, 'This sign-in form had expired or did not come from this page. Sign in again below.');
  }
  if (!(await store.allowRate(`admin-sign-in:${origin.clientAddress}`, SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MS))) {
    logger.warn({ event: 'admin-refused', reason: 'rate-limited', remote: origin.clientAddress }, 'admin sign-in refused: too many attempts');
    const minutes = SIGN_IN_WINDOW_MS / 60_000;
    return showSignIn(context, req, res, 429, `Too many sign-in attempts from your address. Wait ${minutes} minutes and try again.`, {
      'retry-after': String(SIGN_IN_WINDOW_MS / 1000),
    });
  }
  if (!sameSecret(form.fields.get('token') ?? '', context.adminToken)) {
    logger.warn({ event: 'admin-refused', reason: 'wrong-token', remote: origin.clientAddress }, 'admin sign-in refused: wrong token');
    return showSignIn(context, req, res, 401, WRONG_TOKEN);
  }
  const created = await context.sessions.create();
  if (!created) return sendPage(res, 503, problemPage('Sign-in failed', 'The session store did not keep the session (is Redis up?). Try again in a moment.'));
  logger.info({ event: 'admin-sign-in', remote: origin.clientAddress }, 'admin signed in to the admin page');
  const session = adminCookie(SESSION_COOKIE, created.id, { maxAgeSeconds: SESSION_TTL_MS / 1000, secure: origin.https });
  const clearForm = adminCookie(SIGN_IN_COOKIE, '', { maxAgeSeconds: 0, secure: origin.https });
  redirect(res, '/admin', [session, clearForm]);
}

export async function signOut(context: AdminContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const current = await sessionOf(context, req);
  const form = await readForm(req);
  if (!current) return redirect(res, '/admin');
  if (!form.ok || !tokenMatches(form.fields.get('csrf'), current.session.csrf)) {
    return sendPage(res, 403, problemPage('Refused', 'That form did not carry this session’s security token. Use the Sign out button on the page.', current.session.csrf));
  }
  await context.sessions.destroy(current.id);
  redirect(res, '/admin', [adminCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: originOf(context, req).https })]);
}
