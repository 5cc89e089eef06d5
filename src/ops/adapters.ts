/**
 * Which chat adapters run follows from which tokens are set: Slack (HTTP or Socket Mode) with
 * SLACK_BOT_TOKEN, Discord with DISCORD_TOKEN (in shard children when DISCORD_SHARDS is set), and the
 * console chat when neither is.
 */
import type { ChatAdapter } from '../adapters/adapter.ts';
import { ConsoleAdapter } from '../adapters/console/index.ts';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import type { Desk, Store } from '../core/ports.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export interface AdapterContext {
  config: Config;
  desk: Desk;
  store: Store;
  logger: Logger;
  /** Present when Discord runs sharded: it replaces the in-process Discord adapter. */
  discordShards?: ChatAdapter;
  /** Called when the console chat ends (EOF / `/quit`), to shut the process down. */
  onConsoleEnd?: () => void;
}

export function createAdapters(context: AdapterContext): ChatAdapter[] {
  const { config, logger } = context;
  const adapters: ChatAdapter[] = [];
  const { env } = config;
  if (config.slackMode !== 'off' && env.SLACK_BOT_TOKEN) {
    adapters.push(
      createSlackAdapter({
        desk: context.desk,
        store: context.store,
        logger: logger.child({ adapter: 'slack' }),
        botToken: env.SLACK_BOT_TOKEN,
        adminUserIds: env.SLACK_ADMIN_USER_IDS,
        drainMs: env.SHUTDOWN_GRACE_MS,
        ...(config.slackMode === 'http' && env.SLACK_SIGNING_SECRET && { signingSecret: env.SLACK_SIGNING_SECRET }),
        ...(config.slackMode === 'socket' && env.SLACK_APP_TOKEN && { appToken: env.SLACK_APP_TOKEN }),
        ...(env.SLACK_API_URL && { apiUrl: env.SLACK_API_URL }),
      }),
    );
  }
  if (context.discordShards) adapters.push(context.discordShards);
  else if (config.discord && env.DISCORD_TOKEN) {
    adapters.push(
      createDiscordAdapter({
        desk: context.desk,
        logger: logger.child({ adapter: 'discord' }),
        token: env.DISCORD_TOKEN,
        adminUserIds: env.DISCORD_ADMIN_USER_IDS,
        drainMs: env.SHUTDOWN_GRACE_MS,
        ...(env.DISCORD_API_URL && { apiUrl: env.DISCORD_API_URL }),
      }),
    );
  }
  if (adapters.length === 0 && !config.discord) {
    adapters.push(
      new ConsoleAdapter({
        desk: context.desk,
        input: process.stdin,
        output: process.stdout,
        // No prompt when piped: `echo "question" | npm start` prints answers only.
        prompt: process.stdin.isTTY ? '> ' : '',
        ...(context.onConsoleEnd && { onEnd: context.onConsoleEnd }),
      }),
    );
  }
  return adapters;
}
