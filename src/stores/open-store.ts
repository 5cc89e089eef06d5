/**
 * Memory or Redis: the one place that decides where shared state lives. With a Redis URL every replica
 * shares sessions, dedupe keys, rate limits, feedback and reload broadcasts; without it one process keeps
 * them in memory. Process entry points (`src/main.ts`, `src/discord-shard-main.ts`) pick it from the
 * environment and hand it to `startApp`, so ops and stores never import each other.
 */
import type { Logger } from 'pino';
import type { ReloadBus, Store } from '../core/ports.ts';
import { MemoryStore } from './memory-store.ts';

export interface StoreSettings {
  /** redis:// or rediss:// URL; unset → in-memory store. */
  url?: string | undefined;
  /** Prefix for every key and the reload channel. */
  keyPrefix: string;
  /** Conversations kept for follow-ups (the least recently written are dropped beyond it). */
  maxConversations?: number | undefined;
}

export interface StoreHooks {
  logger: Logger;
  /** Told about every operation answered fail-open or fail-fast during an outage (logs, metrics). */
  onFailure: (operation: string, error: unknown) => void;
}

export interface OpenedStore {
  store: Store;
  /** Reload announcements between replicas, when the store is shared. */
  bus?: ReloadBus;
}

/** What `startApp` calls to get its store: settings now, logging and metrics hooks from the app. */
export type StoreOpener = (hooks: StoreHooks) => Promise<OpenedStore>;

/** host:port of a Redis URL: enough to tell which Redis, never the password. */
function where(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(unparseable URL)';
  }
}

export function openStore(settings: StoreSettings): StoreOpener {
  return async ({ logger, onFailure }) => {
    const { url, keyPrefix, maxConversations } = settings;
    const cap = maxConversations === undefined ? {} : { maxConversations };
    if (!url) {
      logger.info('store: in memory (set REDIS_URL to share state between replicas)');
      return { store: new MemoryStore(cap) };
    }
    // ioredis is imported only when Redis is configured: an in-memory start need not load it.
    const [{ RedisStore }, { createRedisReloadBus }] = await Promise.all([import('./redis-store.ts'), import('./redis-reload-bus.ts')]);
    const store = new RedisStore({ url, keyPrefix, onFailure, ...cap });
    let lastConnectionError = '';
    store.redis.on('error', (error: Error) => {
      // ioredis reports every failed reconnect attempt; one line per distinct error is enough.
      if (error.message !== lastConnectionError) logger.warn({ err: error }, 'Redis connection error; reconnecting in the background');
      lastConnectionError = error.message;
    });
    store.redis.on('ready', () => {
      if (lastConnectionError) logger.info('Redis connection restored');
      lastConnectionError = '';
    });
    const connected = await store.connect(5_000);
    if (connected) logger.info({ redis: where(url), keyPrefix }, 'store: Redis');
    else logger.error({ redis: where(url) }, 'Redis is not reachable yet: answering fail-open and retrying in the background');
    const bus = createRedisReloadBus({ url, channel: `${keyPrefix}reload`, onError: () => undefined });
    return { store, bus };
  };
}
