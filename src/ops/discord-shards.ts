/**
 * Discord sharding through discord.js's own ShardingManager (DISCORD_SHARDS=N or auto). This process
 * keeps the HTTP port, Slack and the health checks; each shard is a child process running
 * `discord-shard-main` (a Desk + the Discord adapter). Seen from `main`, the shards are one more
 * ChatAdapter: ready when every shard is ready, stopped by SIGTERM to each child (which then shuts down
 * gracefully on its own). Reloads reach the children over Redis when it is configured, else over the
 * manager's IPC channel (`shardReloadBus`).
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { ChatAdapter } from '../adapters/adapter.ts';
import type { ReloadBus } from '../core/ports.ts';
import type { Logger } from './logger.ts';
import { NODE_RUNTIME_FLAGS } from './runtime-flags.ts';

/** Compiled (`dist/*.js`, `npm start`) or the sources through tsx (development, tests): shards run the same. */
const COMPILED = import.meta.url.endsWith('.js');
export const SHARD_ENTRY = fileURLToPath(new URL(COMPILED ? '../discord-shard-main.js' : '../discord-shard-main.ts', import.meta.url));
/** Node flags of a shard child: the bot's runtime flags, and tsx only when running the sources. */
export const SHARD_EXEC_ARGV: readonly string[] = COMPILED ? [...NODE_RUNTIME_FLAGS] : [...NODE_RUNTIME_FLAGS, '--import', 'tsx'];
/** IPC envelope key, so our messages never clash with discord.js's own (`_eval`, `_ready`, …). */
const RELOAD_KEY = 'fdeskReload';

export interface ShardsOptions {
  token: string;
  shards: number | 'auto';
  /** Where `auto` asks for the recommended count (DISCORD_API_URL or Discord's). */
  apiUrl?: string;
  logger: Logger;
  /** Pause between shard identifies; Discord allows one identify per ~5 s per bucket. */
  spawnDelayMs?: number;
  stopTimeoutMs?: number;
  /** The shard process's entry file; tests substitute a minimal one. */
  entry?: string;
}

/** `auto` resolved against the configured API base, so proxies and test stand-ins are honoured. */
async function recommendedShards(token: string, apiUrl = 'https://discord.com/api'): Promise<number> {
  // Bounded: a Discord API that never answers must fail start-up with a message, not hang it.
  const response = await fetch(`${apiUrl.replace(/\/$/, '')}/v10/gateway/bot`, { headers: { authorization: `Bot ${token}` }, signal: AbortSignal.timeout(10_000) });
  if (response.status === 401) throw new Error('Discord refused DISCORD_TOKEN (401) — copy a fresh token from the Developer Portal → Bot');
  if (!response.ok) throw new Error(`Discord /gateway/bot answered ${response.status}; set DISCORD_SHARDS to a number instead of auto`);
  const { shards } = (await response.json()) as { shards?: number };
  return Math.max(1, shards ?? 1);
}

export class DiscordShardsAdapter implements ChatAdapter {
  readonly name = 'discord' as const;
  readonly manager: ShardingManager;

  constructor(private readonly options: ShardsOptions) {
    this.manager = new ShardingManager(options.entry ?? SHARD_ENTRY, {
      token: options.token,
      totalShards: typeof options.shards === 'number' ? options.shards : 'auto',
      execArgv: [...SHARD_EXEC_ARGV],
      respawn: true,
    });
    this.manager.on('shardCreate', (shard: Shard) => {
      options.logger.info({ shard: shard.id }, `Discord shard ${shard.id} launched`);
      shard.on('death', () => options.logger.warn({ shard: shard.id }, `Discord shard ${shard.id} exited; discord.js respawns it`));
    });
  }

  async start(): Promise<void> {
    const { token, shards, apiUrl } = this.options;
    const amount = shards === 'auto' ? await recommendedShards(token, apiUrl) : shards;
    this.options.logger.info({ shards: amount }, `starting ${amount} Discord shard(s)`);
    await this.manager.spawn({ amount, delay: this.options.spawnDelayMs ?? 5_500, timeout: 60_000 });
  }

  isReady(): boolean {
    return this.manager.shards.size > 0 && this.manager.shards.every((shard) => shard.ready);
  }

  async stop(): Promise<void> {
    this.manager.respawn = false;
    const deadline = this.options.stopTimeoutMs ?? 10_000;
    await Promise.all(
      this.manager.shards.map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        // SIGTERM, not discord.js's kill(): the child finishes its in-flight answers first.
        child.kill('SIGTERM');
        await Promise.race([once(child, 'exit'), new Promise((resolve) => setTimeout(resolve, deadline).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }),
    );
  }
}

/** Manager side of the IPC reload bus: relays every shard's reload to all shards and to this process. */
export function managerReloadBus(manager: ShardingManager): ReloadBus {
  return {
    publish: async (message) => void (await manager.broadcast({ [RELOAD_KEY]: message })),
    subscribe: async (onMessage) => {
      manager.on('shardCreate', (shard: Shard) =>
        shard.on('message', (payload: unknown) => {
          const message = (payload as Record<string, unknown> | null)?.[RELOAD_KEY];
          if (typeof message !== 'string') return;
          onMessage(message);
          void manager.broadcast({ [RELOAD_KEY]: message }); // children ignore their own origin
        }),
      );
    },
    close: async () => undefined,
  };
}

/** Shard (child) side of the IPC reload bus. */
export function shardReloadBus(): ReloadBus {
  let listener: ((payload: unknown) => void) | undefined;
  return {
    publish: async (message) => void process.send?.({ [RELOAD_KEY]: message }),
    subscribe: async (onMessage) => {
      listener = (payload) => {
        const message = (payload as Record<string, unknown> | null)?.[RELOAD_KEY];
        if (typeof message === 'string') onMessage(message);
      };
      process.on('message', listener);
    },
    close: async () => void (listener && process.off('message', listener)),
  };
}
