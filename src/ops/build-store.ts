/**
 * Memory or Redis: the one place that decides where shared state lives. With REDIS_URL every replica
 * shares sessions, dedupe keys, rate limits, feedback and reload broadcasts; without it one process keeps
 * them in memory. During a Redis outage the store answers fail-open and we log it — throttled, because
 * a busy bot would otherwise write one warning per question.
 */
import type { Store } from '../core/ports.ts';
import { MemoryStore } from '../stores/memory-store.ts';
import { createRedisReloadBus } from '../stores/redis-reload-bus.ts';
import { RedisStore } from '../stores/redis-store.ts';
import type { Config } from './config.ts';
import { describeUrl, type Logger } from './logger.ts';
import type { DeskMetrics } from './metrics.ts';
import type { ReloadBus } from './reload-broadcast.ts';

const WARN_EVERY_MS = 10_000;

/** Logs the first failure of each operation, then at most one summary per interval. */
function throttledWarning(logger: Logger, metrics: DeskMetrics) {
  const lastWarned = new Map<string, { at: number; suppressed: number }>();
  return (operation: string, error: unknown) => {
    metrics.storeFailures.inc({ operation });
    const seen = lastWarned.get(operation);
    const now = Date.now();
    if (seen && now - seen.at < WARN_EVERY_MS) {
      seen.suppressed += 1;
      return;
    }
    const suppressed = seen?.suppressed ?? 0;
    lastWarned.set(operation, { at: now, suppressed: 0 });
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(
      { event: 'store-failure', operation, suppressed, error: message },
      `Redis unavailable for ${operation} (${message}); continuing fail-open${suppressed ? `, ${suppressed} more since the last warning` : ''}`,
    );
  };
}

export async function createStore(config: Config, logger: Logger, metrics: DeskMetrics): Promise<{ store: Store; bus?: ReloadBus }> {
  const { REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix } = config.env;
  if (!url) {
    logger.info('store: in memory (set REDIS_URL to share state between replicas)');
    return { store: new MemoryStore({ maxConversations: config.followUps.maxConversations }) };
  }
  const store = new RedisStore({ url, keyPrefix, maxConversations: config.followUps.maxConversations, onFailure: throttledWarning(logger, metrics) });
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
  if (connected) logger.info({ redis: describeUrl(url), keyPrefix }, 'store: Redis');
  else logger.error({ redis: describeUrl(url) }, 'Redis is not reachable yet: answering fail-open and retrying in the background');
  const bus = createRedisReloadBus({ url, channel: `${keyPrefix}reload`, onError: () => undefined });
  return { store, bus };
}
