/**
 * Discord sharding through discord.js's ShardingManager: `auto` asks the configured API base for the
 * recommended count, every shard child identifies with its own shard id, readiness waits for all of them,
 * reloads travel manager ⇄ shards over IPC, and stop() ends every child with SIGTERM.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordShardsAdapter, managerReloadBus } from '../../src/ops/discord-shards.ts';
import { startGatewayStandIn, type GatewayStandIn } from './discord-gateway-standin.ts';
import { captureLogger } from './fakes.ts';

const ENTRY = fileURLToPath(new URL('./fixtures/shard-client.ts', import.meta.url));
let gateway: GatewayStandIn | undefined;
let adapter: DiscordShardsAdapter | undefined;

// ShardingManager.spawn() writes SHARDING_MANAGER & co. into this process's env; put it back afterwards.
const savedEnv = { ...process.env };
afterEach(async () => {
  await adapter?.stop();
  await gateway?.close();
  for (const key of ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DISCORD_TOKEN', 'DISCORD_API_URL']) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe('Discord sharding', () => {
  it('spawns the recommended number of shards (auto), each identifying as its own shard, then stops them all', async () => {
    gateway = await startGatewayStandIn(2);
    process.env.DISCORD_API_URL = gateway.apiUrl; // inherited by the shard children
    const { logger } = captureLogger();
    adapter = new DiscordShardsAdapter({ token: 'test-token-abcdefghijklmnopqrstuvwxyz', shards: 'auto', apiUrl: gateway.apiUrl, logger, spawnDelayMs: 0, entry: ENTRY });
    expect(adapter.isReady()).toBe(false);
    const bus = managerReloadBus(adapter.manager);
    const heard: unknown[] = [];
    await bus.subscribe((message) => heard.push(message));
    const fromShards: Record<string, unknown>[] = [];
    adapter.manager.on('shardCreate', (shard) => shard.on('message', (m: Record<string, unknown>) => fromShards.push(m)));

    await adapter.start();
    expect(adapter.manager.shards.size).toBe(2);
    expect(adapter.isReady()).toBe(true);
    expect(gateway.identified.map(([id, total]) => `${id}/${total}`).sort()).toEqual(['0/2', '1/2']);

    // Manager → every shard.
    await bus.publish('{"origin":"manager"}');
    // Shard 0 → manager, relayed to all shards.
    adapter.manager.shards.get(0)!.send({ publish: '{"origin":"shard-0"}' });
    for (let i = 0; i < 100 && fromShards.filter((m) => m.heard).length < 4; i++) await new Promise((r) => setTimeout(r, 25));
    expect(heard).toEqual(['{"origin":"shard-0"}']);
    const heardByShard = fromShards
      .filter((m) => m.heard)
      .map((m) => `${String(m.shard)}:${String(m.heard)}`)
      .sort();
    expect(heardByShard).toEqual(['0:{"origin":"manager"}', '0:{"origin":"shard-0"}', '1:{"origin":"manager"}', '1:{"origin":"shard-0"}']);

    const children = adapter.manager.shards.map((shard) => shard.process!);
    await adapter.stop();
    expect(children.every((child) => child.exitCode === 0)).toBe(true);
    expect(fromShards.filter((m) => m.stopping !== undefined)).toHaveLength(2);
    adapter = undefined;
  }, 60_000);
});

describe('npm start with DISCORD_SHARDS', () => {
  it('runs the real shard entry in child processes behind the manager, ready on /readyz, exits 0 on SIGTERM', async () => {
    const { startBot, killQuietly } = await import('./process.ts');
    const { freePort } = await import('./redis-server.ts');
    gateway = await startGatewayStandIn(1);
    const port = await freePort();
    const bot = startBot({
      PORT: String(port),
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: new URL('../../knowledge/', import.meta.url).pathname,
      DISCORD_TOKEN: 'test-token-abcdefghijklmnopqrstuvwxyz',
      DISCORD_API_URL: gateway.apiUrl,
      DISCORD_SHARDS: '2',
      LOG_LEVEL: 'info',
    });
    try {
      await bot.waitFor(/Framework Desk running \(discord\)/, 40_000);
      expect(gateway.identified.map(([id, total]) => `${id}/${total}`).sort()).toEqual(['0/2', '1/2']);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, adapters: { discord: true } });
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.stdout()).not.toContain('test-token-abcdefghijklmnopqrstuvwxyz');
    } finally {
      killQuietly(bot);
    }
  }, 60_000);
});
