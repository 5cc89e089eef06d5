/**
 * `npm start`: config from the environment → logger → the app (store, Desk, adapters, HTTP port, reload
 * triggers) → signals. Which chat adapters run follows from the tokens that are set; none → console chat.
 * With DISCORD_SHARDS this process becomes discord.js's ShardingManager and Discord runs in shard children.
 */
import { startApp } from './ops/app.ts';
import { formatConfigProblems, loadConfig, secretValues } from './ops/config.ts';
import { describeEnvFile, loadEnvFile } from './ops/env-file.ts';
import { createLogger, keepRunningOnUnhandledRejection } from './ops/logger.ts';
import { shutdownOnSignals } from './ops/shutdown.ts';
import { openStore } from './stores/open-store.ts';

// `.env` first, so its values are validated with everything else; the real environment wins over it.
const envFile = loadEnvFile();
if (envFile.status === 'failed') {
  console.error(formatConfigProblems([envFile.problem]));
  process.exit(2);
}
const loaded = loadConfig();
if (!loaded.ok) {
  console.error(formatConfigProblems(loaded.problems));
  process.exit(2);
}
const { config } = loaded;
const { env } = config;
const consoleMode = config.slackMode === 'off' && !config.discord;
// In the console chat stdout is the conversation: logs go to stderr, and only warnings unless asked.
const level = consoleMode && !process.env.LOG_LEVEL ? 'warn' : env.LOG_LEVEL;
const logger = createLogger({
  level,
  stderr: consoleMode,
  secrets: secretValues(env),
});
keepRunningOnUnhandledRejection(logger);
logger.info({ envFile: envFile.status === 'read' ? envFile.file : envFile.status }, describeEnvFile(envFile));
// The console chat logs only warnings, but a newcomer should still see that their .env was used.
if (consoleMode && envFile.status === 'read' && !logger.isLevelEnabled('info')) process.stderr.write(`${describeEnvFile(envFile)}\n`);

// A stop request while still connecting: nothing is in flight yet, so leave cleanly right away.
const stopDuringStartup = (signal: NodeJS.Signals) => {
  logger.info({ signal }, `${signal} during start-up: exiting`);
  logger.flush?.();
  process.exit(0);
};
process.once('SIGTERM', stopDuringStartup);
process.once('SIGINT', stopDuringStartup);

try {
  // Memory or Redis is chosen here, from the environment, and handed to the app.
  const app = await startApp(config, {
    logger,
    openStore: openStore({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, maxConversations: config.followUps.maxConversations }),
  });
  process.off('SIGTERM', stopDuringStartup);
  process.off('SIGINT', stopDuringStartup);
  shutdownOnSignals(app.shutdown, logger);
  const adapters = app.adapters.map((a) => a.name).join(', ') || 'none';
  logger.info({ adapters, port: app.port, slackMode: config.slackMode }, `Framework Desk running (${adapters})`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: error }, `Framework Desk could not start: ${message}`);
  logger.flush?.();
  // The operator may not read JSON logs at the first start: say it plainly on stderr too.
  if (!consoleMode) console.error(`Framework Desk could not start: ${message}`);
  process.exit(1);
}
