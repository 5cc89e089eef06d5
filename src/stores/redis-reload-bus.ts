/**
 * The reload bus on Redis pub/sub. Subscribing needs a dedicated connection (a subscribed Redis connection
 * can do nothing else), so the bus opens two; ioredis re-subscribes by itself after a reconnect.
 */
import type { ReloadBus } from '../core/ports.ts';
import { connectRedis, openRedis } from './redis-connection.ts';

export interface RedisReloadBusOptions {
  url: string;
  /** Channel name; defaults to `<REDIS_KEY_PREFIX>reload` so deployments sharing a Redis stay apart. */
  channel: string;
  onError?: (error: Error) => void;
}

export function createRedisReloadBus(options: RedisReloadBusOptions): ReloadBus {
  const publisher = openRedis({ url: options.url, name: 'framework-desk:reload-pub', ...(options.onError && { onError: options.onError }) });
  // Subscriptions are registered before the connection is up, so this one may queue commands offline.
  const subscriber = openRedis({ url: options.url, name: 'framework-desk:reload-sub', ...(options.onError && { onError: options.onError }) });
  subscriber.options.enableOfflineQueue = true;
  let connected: Promise<unknown> | undefined;
  const ensureConnected = () => (connected ??= Promise.all([connectRedis(publisher, 5_000), connectRedis(subscriber, 5_000)]));

  return {
    async publish(message) {
      await ensureConnected();
      await publisher.publish(options.channel, message);
    },
    async subscribe(onMessage) {
      subscriber.on('message', (channel: string, message: string) => {
        if (channel === options.channel) onMessage(message);
      });
      void ensureConnected();
      await subscriber.subscribe(options.channel);
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
