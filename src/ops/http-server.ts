/**
 * The one HTTP port: Slack's HTTP mode (routes the adapters provide), health, readiness, metrics, the
 * admin reload and, with ADMIN_TOKEN set, the admin page (`./admin/routes.ts`). Plain node:http — a handful of exact routes does not need a framework. A failing handler
 * answers 500 and is logged; it never takes the process down.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatAdapter, HttpRoute } from '../adapters/adapter.ts';
import type { Desk, Store } from '../core/ports.ts';
import { checkAdminAuth } from './admin-auth.ts';
import { adminRoutes } from './admin/routes.ts';
import type { Logger } from './logger.ts';
import type { DeskMetrics } from './metrics.ts';

export interface OpsServerOptions {
  desk: Desk;
  /**
   * Its health is reported on /readyz (an outage does not make the replica unready, see
   * docs/edge-hardening.md); the admin page keeps its sessions in it.
   */
  store: Store;
  adapters: readonly ChatAdapter[];
  metrics: DeskMetrics;
  logger: Logger;
  adminToken?: string | undefined;
  /** TRUST_PROXY: believe X-Forwarded-Proto / X-Forwarded-For from the proxy in front (admin page only). */
  trustProxy?: boolean;
  /** KNOWLEDGE_DIR, for the admin page's error paths. */
  knowledgeDir?: string;
}

export interface OpsServer {
  readonly server: Server;
  /** Resolves with the bound port (pass 0 for an ephemeral one in tests). */
  listen(port: number, host?: string): Promise<number>;
  /** Readiness turns false at once (load balancers stop sending); everything else is still served. */
  beginDrain(): void;
  /** Stops accepting, waits for open requests up to `graceMs`, then cuts what is left. */
  close(graceMs: number): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function createOpsServer(options: OpsServerOptions): OpsServer {
  const { desk, adapters, metrics, logger } = options;
  let draining = false;
  const { adminToken, store } = options;
  const adminPage = adminToken
    ? adminRoutes({ desk, store, logger, adminToken, trustProxy: options.trustProxy ?? false, knowledgeDir: options.knowledgeDir, isDraining: () => draining })
    : undefined;

  const builtIn: HttpRoute[] = [
    {
      method: 'GET',
      path: '/healthz',
      handle: (_req, res) => sendJson(res, 200, { ok: true, uptimeSeconds: Math.round(process.uptime()) }),
    },
    {
      method: 'GET',
      path: '/readyz',
      handle: (_req, res) => {
        const status = desk.status();
        const adapterState = Object.fromEntries(adapters.map((a) => [a.name, a.isReady()]));
        const knowledgeLoaded = status.chunks > 0;
        const ready = !draining && knowledgeLoaded && Object.values(adapterState).every(Boolean);
        const knowledge = { loaded: knowledgeLoaded, documents: status.documents, chunks: status.chunks, loadedAt: status.loadedAt.toISOString() };
        // A store outage is reported, not made a 503: every replica shares the one Redis, so failing
        // readiness would take them all out of the balancer at once, while each still answers questions
        // fail-open. Questions keep being answered; flows say "try again" until Redis is back.
        const store = options.store.health();
        sendJson(res, ready ? 200 : 503, { ready, draining, degraded: !store.up, store, knowledge, adapters: adapterState });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handle: async (_req, res) => {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      },
    },
    {
      method: 'POST',
      path: '/admin/reload',
      handle: async (req, res) => {
        // The admin page's Reload button posts here too: a session cookie and no bearer header.
        if (adminPage?.isPageReload(req)) return adminPage.reloadFromPage(req, res);
        const auth = checkAdminAuth(options.adminToken, req.headers.authorization);
        if (!auth.ok) {
          logger.warn({ event: 'admin-refused', status: auth.status, remote: req.socket.remoteAddress }, `admin reload refused: ${auth.error}`);
          const headers: Record<string, string> = auth.status === 401 ? { 'www-authenticate': 'Bearer realm="framework-desk"' } : {};
          return sendJson(res, auth.status, { ok: false, error: auth.error, fix: auth.fix }, headers);
        }
        if (draining) return sendJson(res, 503, { ok: false, error: 'shutting down', fix: 'retry against another replica' });
        const result = await desk.reload('http');
        sendJson(res, result.ok ? 200 : 422, result);
      },
    },
  ];

  const routes = [...builtIn, ...(adminPage?.routes ?? []), ...adapters.flatMap((a) => a.httpRoutes ?? [])];

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const onPath = routes.filter((r) => r.path === path);
    const route = onPath.find((r) => r.method === req.method || (req.method === 'HEAD' && r.method === 'GET'));
    // 'close', not 'finish': a refused upload's answer is sent without ending the exchange (request-guard.ts).
    res.on('close', () => metrics.httpRequests.inc({ route: onPath.length > 0 ? path : 'unmatched', status: String(res.statusCode) }));
    if (!route) {
      if (onPath.length > 0) {
        const allow = onPath.map((r) => r.method).join(', ');
        return sendJson(res, 405, { ok: false, error: `method ${req.method} not allowed on ${path}`, allow }, { allow });
      }
      return sendJson(res, 404, { ok: false, error: `no route for ${req.method} ${path}`, routes: routes.map((r) => `${r.method} ${r.path}`) });
    }
    try {
      await route.handle(req, res);
    } catch (error) {
      logger.error({ err: error, route: `${route.method} ${route.path}` }, 'HTTP handler failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal error; the details are in the server log' });
      else res.destroy();
    }
  }

  const server = createServer((req, res) => void dispatch(req, res));
  // Slack waits 3 s for an ack; a slow-loris client must not hold a socket forever either.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    beginDrain: () => {
      draining = true;
    },
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        draining = true;
        if (!server.listening) return resolve();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
