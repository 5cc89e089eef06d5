/**
 * Which chat adapters run follows from which tokens are set: Slack (HTTP or Socket Mode) with
 * SLACK_BOT_TOKEN, or installable in many workspaces with SLACK_CLIENT_ID + SECRET + SLACK_STATE_SECRET, Discord with DISCORD_TOKEN (in shard children when DISCORD_SHARDS is set), and the
 * console chat when neither is.
 */
import type { ChatAdapter } from '../adapters/adapter.ts';
import { ConsoleAdapter } from '../adapters/console/index.ts';
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
  /** Called when the console chat ends (EOF / `/quit`), to shut the process down with this exit code. */
  onConsoleEnd?: (end: ConsoleEnd) => void;
}

/** How the process should end when the console chat does. */
export interface ConsoleEnd {
  exitCode: number;
  /** Set when ending is a misconfiguration the operator must hear about. */
  problem?: string;
}

/**
 * No chat token and an input that closed before a single line: nobody can talk to this process (Docker
 * without `-it`, a service manager with stdin on /dev/null). Serving only health checks would look healthy
 * while answering no one, so say what is missing and exit non-zero for the orchestrator to show.
 */
export const NOTHING_TO_SERVE =
  'Framework Desk has nobody to talk to: no chat token is set (SLACK_BOT_TOKEN, DISCORD_TOKEN) and stdin closed ' +
  'before a single line, so the console chat ended. Set a token to run on Slack or Discord (see .env.example), ' +
  'or give the console chat a terminal (docker run -it …).';

/** A console chat that read nothing from a non-terminal input is a misconfiguration; anything else is a normal end. */
export function consoleEnd(linesRead: number, inputIsTerminal: boolean): ConsoleEnd {
  return linesRead === 0 && !inputIsTerminal ? { exitCode: 2, problem: NOTHING_TO_SERVE } : { exitCode: 0 };
}

/**
 * The adapters whose tokens are set (else the console chat). Slack's and Discord's modules — and their
 * SDKs, about a second of start-up each — are imported only when that platform is configured.
 */
export async function createAdapters(context: AdapterContext): Promise<ChatAdapter[]> {
  const { config, logger } = context;
  const adapters: ChatAdapter[] = [];
  const { env } = config;
  const oauth =
    config.slackInstall === 'oauth' && env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET
      ? { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, stateSecret: env.SLACK_STATE_SECRET, ...(env.SLACK_SCOPES && { scopes: env.SLACK_SCOPES }) }
      : undefined;
  if (config.slackMode !== 'off' && (env.SLACK_BOT_TOKEN || oauth)) {
    const { createSlackAdapter } = await import('../adapters/slack/index.ts');
    adapters.push(
      createSlackAdapter({
        desk: context.desk,
        store: context.store,
        logger: logger.child({ adapter: 'slack' }),
        ...(oauth ? { oauth } : { botToken: env.SLACK_BOT_TOKEN }),
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
    const { createDiscordAdapter } = await import('../adapters/discord/index.ts');
    adapters.push(
      createDiscordAdapter({
        desk: context.desk,
        store: context.store,
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
        onEnd: ({ linesRead }) => context.onConsoleEnd?.(consoleEnd(linesRead, process.stdin.isTTY === true)),
      }),
    );
  }
  return adapters;
}
