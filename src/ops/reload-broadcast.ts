/**
 * Reload fan-out across replicas. Wraps a Desk so that every successful reload — whatever triggered it:
 * an admin command in an adapter, SIGHUP, /admin/reload, the file watcher — is published on a bus, and
 * every other replica reloads when it hears it. A replica ignores its own messages, and a reload caused by
 * a broadcast is not re-broadcast (no ping-pong between replicas).
 */
import { randomUUID } from 'node:crypto';
import type { Desk, ReloadBus, ReloadResult } from '../core/ports.ts';
import { parseStoredJson } from '../core/stored-json.ts';
import { layerDesk } from './desk-layer.ts';
import type { Logger } from './logger.ts';
import type { DeskMetrics } from './metrics.ts';

interface ReloadMessage {
  origin: string;
  trigger: string;
  at: number;
}

export interface BroadcastOptions {
  logger: Logger;
  metrics?: DeskMetrics;
  /** Identifies this replica in messages; random by default. */
  instanceId?: string;
}

export interface BroadcastingDesk extends Desk {
  readonly instanceId: string;
  /** Subscribes to the bus; until then reloads are local only. */
  start(): Promise<void>;
}

export function withReloadBroadcast(inner: Desk, bus: ReloadBus, options: BroadcastOptions): BroadcastingDesk {
  const instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const { logger, metrics } = options;

  async function announce(result: ReloadResult): Promise<void> {
    const message: ReloadMessage = { origin: instanceId, trigger: result.trigger, at: Date.now() };
    try {
      await bus.publish(JSON.stringify(message));
      metrics?.reloadBroadcasts.inc({ direction: 'sent' });
    } catch (error) {
      // The local reload succeeded; other replicas catch up on their next reload or restart.
      logger.warn({ err: error }, 'reload succeeded here but could not be broadcast to other replicas (is Redis up?)');
    }
  }

  function onMessage(raw: string): void {
    const message = parseStoredJson<ReloadMessage>(raw);
    // Anything on the channel can arrive here (`null`, `42`, another tool's JSON): it must not throw
    // inside the Redis client's listener, where it would take the process down.
    if (typeof message?.origin !== 'string') {
      logger.warn({ raw: String(raw).slice(0, 200) }, 'ignored a malformed reload broadcast');
      return;
    }
    if (message.origin === instanceId) return;
    metrics?.reloadBroadcasts.inc({ direction: 'received' });
    logger.info({ event: 'reload-broadcast', from: message.origin, trigger: message.trigger }, `reload broadcast received from ${message.origin}`);
    inner.reload(`broadcast:${message.origin}`).catch((error: unknown) => logger.error({ err: error }, 'broadcast reload failed'));
  }

  const broadcasting = {
    instanceId,
    start: () => bus.subscribe(onMessage),
    async reload(trigger: string) {
      const result = await inner.reload(trigger);
      if (result.ok) await announce(result);
      return result;
    },
  };
  return layerDesk(inner, broadcasting);
}
