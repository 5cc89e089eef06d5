/** What every admin handler needs, built once by `adminRoutes`. */
import type { IncomingMessage } from 'node:http';
import type { Desk, Store } from '../../core/ports.ts';
import type { Logger } from '../logger.ts';
import { readCookies, requestOrigin } from './http.ts';
import { type AdminSession, type AdminSessions, SESSION_COOKIE } from './sessions.ts';

export interface AdminOptions {
  desk: Desk;
  store: Store;
  logger: Logger;
  /** ADMIN_TOKEN; the admin page is not mounted at all without one. */
  adminToken: string;
  /** TRUST_PROXY: believe X-Forwarded-Proto / X-Forwarded-For (see `http.ts`). */
  trustProxy: boolean;
  /** KNOWLEDGE_DIR, so errors show paths the way the Knowledge page lists files. */
  knowledgeDir?: string | undefined;
  /** True once shutdown began: no new reloads. */
  isDraining: () => boolean;
}

export interface AdminContext extends AdminOptions {
  sessions: AdminSessions;
}

/** The request's signed-in session, if any, with its cookie id. Throws when the Store is unreachable. */
export async function sessionOf(context: AdminContext, req: IncomingMessage): Promise<{ id: string; session: AdminSession } | undefined> {
  const id = readCookies(req.headers.cookie).get(SESSION_COOKIE);
  const session = await context.sessions.read(id);
  return id && session ? { id, session } : undefined;
}

/** Whether cookies set for this request may carry `Secure`, and who is asking (for logs and rate limits). */
export function originOf(context: AdminContext, req: IncomingMessage) {
  return requestOrigin(req, context.trustProxy);
}
