/**
 * `GET /admin` and its pages on the bot's one HTTP port. Mounted only when ADMIN_TOKEN is set (otherwise
 * every /admin page is a plain 404). Pages read the Store — with Redis, every replica's questions and
 * votes — and the Desk's serving snapshot. Every POST must carry the session's CSRF token.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../../adapters/adapter.ts';
import { StoreUnavailableError } from '../../core/ports.ts';
import { type AdminContext, type AdminOptions, sessionOf } from './context.ts';
import { feedbackPage } from './feedback-page.ts';
import { indexSections } from './fragments.ts';
import { gapsPage } from './gaps-page.ts';
import type { SafeHtml } from './html.ts';
import { ADMIN_HEADERS, readCookies, readForm, redirect, sendPage } from './http.ts';
import { knowledgePage } from './knowledge-page.ts';
import { reloadPage } from './reload-page.ts';
import { AdminSessions, SESSION_COOKIE, tokenMatches } from './sessions.ts';
import { showSignIn, signIn, signOut } from './sign-in.ts';
import { problemPage } from './sign-in-page.ts';

/** Most questions a page lists. */
const PAGE_LIMIT = 200;
const STYLESHEET = readFileSync(new URL('./admin.css', import.meta.url), 'utf8');

type PageHandler = (context: AdminContext, csrf: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The Admin page as mounted on the HTTP server. */
export interface AdminPage {
  routes: HttpRoute[];
  /** True for a `POST /admin/reload` from the page (session cookie, no bearer header). */
  isPageReload(req: IncomingMessage): boolean;
  reloadFromPage(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Store outages become a 503 page instead of a generic 500. */
async function guard(res: ServerResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    sendPage(res, 503, problemPage('Store unreachable', `${error.message} The admin page reads sessions, questions and votes from it.`));
  }
}

/** A page for signed-in admins; without a session, /admin shows the sign-in form and the rest redirect there. */
function signedIn(context: AdminContext, path: string, page: PageHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return (req, res) =>
    guard(res, async () => {
      const current = await sessionOf(context, req);
      if (current) return page(context, current.session.csrf, req, res);
      if (path === '/admin') return showSignIn(context, req, res);
      redirect(res, '/admin');
    });
}

const render = (res: ServerResponse, page: SafeHtml, status = 200) => sendPage(res, status, page);

const knowledge: PageHandler = async ({ desk, knowledgeDir }, csrf, _req, res) => render(res, knowledgePage(csrf, desk.status(), desk.describeKnowledge(), knowledgeDir));
const gaps: PageHandler = async ({ desk }, csrf, _req, res) => render(res, gapsPage(csrf, (await desk.report(PAGE_LIMIT)).unanswered, indexSections(desk.describeKnowledge())));
const feedback: PageHandler = async ({ desk }, csrf, _req, res) =>
  render(res, feedbackPage(csrf, (await desk.report(PAGE_LIMIT)).feedback, indexSections(desk.describeKnowledge())));
const reloadForm: PageHandler = async ({ desk }, csrf, _req, res) => render(res, reloadPage(csrf, desk.status()));

const reloadNow: PageHandler = async (context, csrf, req, res) => {
  const form = await readForm(req);
  if (!form.ok || !tokenMatches(form.fields.get('csrf'), csrf)) {
    context.logger.warn({ event: 'admin-refused', reason: 'csrf', remote: req.socket.remoteAddress }, 'admin page reload refused: missing or wrong CSRF token');
    return render(res, problemPage('Refused', 'That form did not carry this session’s security token (CSRF). Open the Reload page and use its button.', csrf), 403);
  }
  if (context.isDraining()) return render(res, problemPage('Shutting down', 'This replica is shutting down; reload from another one.', csrf), 503);
  const result = await context.desk.reload('admin');
  render(res, reloadPage(csrf, context.desk.status(), result, context.knowledgeDir), result.ok ? 200 : 422);
};

export function adminRoutes(options: AdminOptions): AdminPage {
  const context: AdminContext = { ...options, sessions: new AdminSessions(options.store) };
  const routes: HttpRoute[] = [
    { method: 'GET', path: '/admin', handle: signedIn(context, '/admin', knowledge) },
    { method: 'GET', path: '/admin/gaps', handle: signedIn(context, '/admin/gaps', gaps) },
    { method: 'GET', path: '/admin/feedback', handle: signedIn(context, '/admin/feedback', feedback) },
    { method: 'GET', path: '/admin/reload', handle: signedIn(context, '/admin/reload', reloadForm) },
    { method: 'POST', path: '/admin/sign-in', handle: (req, res) => guard(res, () => signIn(context, req, res)) },
    { method: 'POST', path: '/admin/sign-out', handle: (req, res) => guard(res, () => signOut(context, req, res)) },
    {
      method: 'GET',
      path: '/admin/admin.css',
      handle: (_req, res) => {
        res.writeHead(200, { ...ADMIN_HEADERS, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'private, max-age=300' });
        res.end(STYLESHEET);
      },
    },
  ];
  return {
    routes,
    isPageReload: (req) => req.headers.authorization === undefined && readCookies(req.headers.cookie).has(SESSION_COOKIE),
    reloadFromPage: signedIn(context, '/admin/reload', reloadNow),
  };
}
