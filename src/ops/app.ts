/**
 * Assembles one running bot from a validated Config: store → Desk (+ reload broadcast) → adapters →
 * HTTP port → reload triggers, and the matching shutdown. The store comes from the caller
 * (`openStore` from `src/stores/open-store.ts`), so ops never imports a store implementation.
 * `src/main.ts` calls it once; tests call it several times in one process to play several replicas.
 */
import type { ChatAdapter } from '../adapters/adapter.ts';
import { createDesk } from '../core/desk.ts';
import type { Desk, ReloadBus, Store } from '../core/ports.ts';
import { createAdapters, type AdapterContext } from './adapters.ts';
import type { Config } from './config.ts';
import type { DiscordShardsAdapter } from './discord-shards.ts';
import { createOpsServer, type OpsServer } from './http-server.ts';
import type { Logger } from './logger.ts';
import { createMetrics, type DeskMetrics } from './metrics.ts';
import { createDeskObserver, recordKnowledgeStatus } from './observer.ts';
import { withReloadBroadcast } from './reload-broadcast.ts';
import { reloadOnFileChange, reloadOnSighup } from './reload-triggers.ts';
import { createShutdown } from './shutdown.ts';
import { reportStoreFailures } from './store-failures.ts';

/**
 * Where shared state comes from: the entry point passes `openStore(...)` (src/stores/open-store.ts),
 * which matches this shape; ops only knows the ports.
 */
export type StoreOpener = (hooks: { logger: Logger; onFailure: (operation: string, error: unknown) => void }) => Promise<{ store: Store; bus?: ReloadBus }>;

/** What to check when an adapter cannot connect at start-up. */
const START_HINTS: Record<ChatAdapter['name'], string> = {
  slack: 'check SLACK_BOT_TOKEN (xoxb-…, app installed in the workspace) or the SLACK_CLIENT_ID / SLACK_CLIENT_SECRET / SLACK_STATE_SECRET trio, and SLACK_API_URL if set',
  discord: 'check DISCORD_TOKEN, that the Message Content intent is enabled, and DISCORD_API_URL if set',
  console: 'the console chat needs a readable stdin',
};

export interface AppOptions {
  logger: Logger;
  /** Where shared state lives: `openStore({ url: env.REDIS_URL, keyPrefix })` from the entry point. */
  openStore: StoreOpener;
  /** Serve the HTTP port (off in Discord shard children, which share the manager's port). */
  http?: boolean;
  /** Install SIGHUP / KB_WATCH triggers (off when tests run several apps in one process). */
  processTriggers?: boolean;
  /** Override adapter construction (tests, shard children); defaults to what the config's tokens enable. */
  adapters?: (context: AdapterContext) => ChatAdapter[] | Promise<ChatAdapter[]>;
  /** Reload bus when Redis provides none (a shard child's IPC channel to its manager). */
  reloadBus?: ReloadBus;
  /** Called once shutdown has finished; defaults to process.exit. */
  exit?: (code: number) => void;
  instanceId?: string;
}

export interface App {
  desk: Desk;
  store: Store;
  adapters: ChatAdapter[];
  metrics: DeskMetrics;
  server?: OpsServer;
  /** Bound HTTP port, when serving. */
  port?: number;
  /** Graceful shutdown, then exit with `exitCode` (default 0). */
  shutdown(reason: string, exitCode?: number): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const { env } = config;
  const metrics = createMetrics({ defaultMetrics: options.processTriggers ?? true });
  const { store, bus: redisBus } = await options.openStore({ logger, onFailure: reportStoreFailures(logger, metrics) });
  metrics.watchStore(() => store.health());
  const cleanup: (() => unknown)[] = [];
  // Sharded Discord: this process manages the shards; reloads reach them over Redis or, without it, IPC.
  const sharded = config.discord && config.env.DISCORD_SHARDS !== undefined && !options.adapters;
  // discord.js is imported only when sharding is on (see `createAdapters` for the in-process adapters).
  const shards = sharded ? await import('./discord-shards.ts') : undefined;
  const discordShards: DiscordShardsAdapter | undefined = shards
    ? new shards.DiscordShardsAdapter({
        token: env.DISCORD_TOKEN ?? '',
        shards: env.DISCORD_SHARDS ?? 1,
        logger,
        stopTimeoutMs: env.SHUTDOWN_GRACE_MS,
        ...(env.DISCORD_API_URL && { apiUrl: env.DISCORD_API_URL }),
      })
    : undefined;
  const bus = redisBus ?? options.reloadBus ?? (discordShards && shards?.managerReloadBus(discordShards.manager));

  let desk: Desk;
  try {
    const observer = createDeskObserver(logger, metrics);
    const core = await createDesk({
      knowledgeDir: env.KNOWLEDGE_DIR,
      store,
      observer,
      sessionTtlMs: config.sessionTtlMs,
      followUpTtlMs: config.followUps.ttlMs,
      answerCacheSize: env.ANSWER_CACHE_SIZE,
      ...(config.rateLimit && { rateLimit: config.rateLimit }),
    });
    desk = core;
    if (bus) {
      const broadcasting = withReloadBroadcast(core, bus, { logger, metrics, ...(options.instanceId && { instanceId: options.instanceId }) });
      await broadcasting.start();
      desk = broadcasting;
    }
  } catch (error) {
    await Promise.allSettled([store.close(), bus?.close()]);
    throw error;
  }
  const status = desk.status();
  recordKnowledgeStatus(metrics, status);
  logger.info({ documents: status.documents, chunks: status.chunks, dir: env.KNOWLEDGE_DIR }, `knowledge loaded: ${status.documents} documents, ${status.chunks} chunks`);

  let shutdownRef: ((reason: string, exitCode?: number) => Promise<void>) | undefined;
  const context: AdapterContext = {
    config,
    desk,
    store,
    logger,
    ...(discordShards && { discordShards }),
    onConsoleEnd: (end) => {
      // Plain words on stderr: in this case nobody reads the JSON logs first.
      if (end.problem) console.error(end.problem);
      void shutdownRef?.(end.problem ? 'nothing to serve' : 'console closed', end.exitCode);
    },
  };
  const adapters = await (options.adapters ?? createAdapters)(context);

  let server: OpsServer | undefined;
  let port: number | undefined;
  if (options.http ?? true) {
    server = createOpsServer({ desk, store, adapters, metrics, logger, adminToken: env.ADMIN_TOKEN, trustProxy: env.TRUST_PROXY, knowledgeDir: env.KNOWLEDGE_DIR });
    try {
      port = await server.listen(env.PORT, env.HOST);
      const routes = [
        '/healthz',
        '/readyz',
        '/metrics',
        'POST /admin/reload',
        ...(env.ADMIN_TOKEN ? ['/admin'] : []),
        ...adapters.flatMap((a) => a.httpRoutes ?? []).map((r) => `${r.method} ${r.path}`),
      ];
      logger.info({ port, routes }, `HTTP listening on ${env.HOST}:${port}`);
    } catch (error) {
      // The console chat is useful without the port (a second local copy, say); Slack's HTTP mode is not.
      if (config.slackMode === 'http') throw new Error(`cannot listen on port ${env.PORT}: ${(error as Error).message} — set PORT to a free port`);
      logger.warn({ err: error }, `HTTP port ${env.PORT} unavailable: running without /healthz and /metrics (set PORT to a free port)`);
      server = undefined;
    }
  }

  for (const adapter of adapters) {
    try {
      await adapter.start();
    } catch (error) {
      await Promise.allSettled([server?.close(0), store.close(), bus?.close()]);
      throw new Error(`the ${adapter.name} adapter could not connect (${(error as Error).message}) — ${START_HINTS[adapter.name]}`, { cause: error });
    }
    logger.info({ adapter: adapter.name }, `${adapter.name} adapter ready`);
  }

  if (options.processTriggers ?? true) {
    cleanup.push(reloadOnSighup(desk, logger));
    if (env.KB_WATCH) cleanup.push(reloadOnFileChange(desk, logger, { dir: env.KNOWLEDGE_DIR, debounceMs: env.KB_WATCH_DEBOUNCE_MS }));
  }

  // Drain only where a load balancer may still route here: an HTTP port serving a chat platform.
  const drainMs = server && adapters.some((a) => a.name !== 'console') ? env.SHUTDOWN_DRAIN_MS : 0;
  const shutdown = createShutdown({
    logger,
    graceMs: drainMs + env.SHUTDOWN_GRACE_MS,
    ...(options.exit && { exit: options.exit }),
    steps: [
      {
        // /readyz answers 503 while everything else is still served, so the balancer stops routing here
        // before the listener closes (a closed port would be refused, not "not ready").
        name: 'drain: not ready, still serving',
        run: async () => {
          server?.beginDrain();
          if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
        },
      },
      {
        name: 'stop reload triggers',
        run: async () => {
          for (const stop of cleanup) stop();
        },
      },
      // Adapters stop taking events and finish the work in flight (each bounded by SHUTDOWN_GRACE_MS).
      {
        name: 'stop adapters and HTTP',
        run: () => Promise.all([...adapters.map((a) => a.stop()), server?.close(Math.max(0, env.SHUTDOWN_GRACE_MS - 500))]),
      },
      { name: 'close reload bus', run: async () => bus?.close() },
      { name: 'close store', run: () => store.close() },
    ],
  });

  shutdownRef = shutdown;
  return { desk, store, adapters, metrics, ...(server && { server }), ...(port !== undefined && { port }), shutdown };
}
