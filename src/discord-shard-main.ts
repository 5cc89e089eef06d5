/**
 * Entry point of one Discord shard process, spawned by discord.js's ShardingManager (see
 * `src/ops/discord-shards.ts`). It runs a Desk and the Discord adapter only: the manager process keeps the HTTP
 * port, Slack and health checks. discord.js's Client reads its shard ids from the SHARDS / SHARD_COUNT
 * variables the manager sets. Reloads arrive over Redis when configured, else over IPC from the manager.
 */
import { startApp } from './ops/app.ts';
import { createAdapters } from './ops/adapters.ts';
import { formatConfigProblems, loadConfig, secretValues } from './ops/config.ts';
import { shardReloadBus } from './ops/discord-shards.ts';
import { createLogger, keepRunningOnUnhandledRejection } from './ops/logger.ts';
import { shutdownOnSignals } from './ops/shutdown.ts';
import { openStore } from './stores/open-store.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(formatConfigProblems(loaded.problems));
  process.exit(2);
}
const { env } = loaded.config;
// Only Discord here, whatever else the shared environment enables.
const config = { ...loaded.config, slackMode: 'off' as const };
const logger = createLogger({
  level: env.LOG_LEVEL,
  secrets: secretValues(env),
}).child({ shards: process.env.SHARDS });
keepRunningOnUnhandledRejection(logger);

try {
  const app = await startApp(config, {
    logger,
    openStore: openStore({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, maxConversations: config.followUps.maxConversations }),
    http: false,
    // The manager process owns SIGHUP and KB_WATCH; its reload reaches every shard once, over IPC or Redis.
    processTriggers: false,
    ...(env.REDIS_URL ? {} : { reloadBus: shardReloadBus() }),
    adapters: async (context) => (await createAdapters({ ...context, config })).filter((adapter) => adapter.name === 'discord'),
  });
  shutdownOnSignals(app.shutdown, logger);
  // The manager going away (crash, kill -9) must not leave an orphan shard connected to Discord.
  process.on('disconnect', () => void app.shutdown('manager disconnected'));
} catch (error) {
  logger.fatal({ err: error }, `Discord shard could not start: ${error instanceof Error ? error.message : String(error)}`);
  logger.flush?.();
  process.exit(1);
}
