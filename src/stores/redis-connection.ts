/**
 * How every Redis connection of the bot is opened. Fail fast rather than queue: with no offline queue and
 * a command timeout, a Redis outage turns into an immediate error the store can answer fail-open, instead
 * of questions hanging until Redis returns. ioredis keeps reconnecting in the background (backoff capped
 * at 2 s) and re-subscribes pub/sub channels by itself once back.
 */
import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  url: string;
  /** Shown in `CLIENT LIST`, e.g. `framework-desk:store`. */
  name: string;
  commandTimeoutMs?: number;
  /** Called on connection errors (ioredis emits one per failed reconnect attempt). */
  onError?: (error: Error) => void;
}

export function openRedis(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    lazyConnect: true,
    // RESP2: flat WITHSCORES replies, and works with every Redis and managed service, old or new.
    protocol: 2,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: 2_000,
    connectionName: options.name,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect as an unhandled 'error' event.
  redis.on('error', (error: Error) => options.onError?.(error));
  return redis;
}

/**
 * Connects, waiting up to `timeoutMs` for the first connection. Returns false (and keeps retrying in the
 * background) when Redis is not there yet: the bot starts and serves fail-open rather than crash-looping.
 */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  redis.connect().catch(() => undefined);
  return ready;
}
