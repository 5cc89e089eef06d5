/**
 * Discord adapter: a discord.js gateway client (no public HTTP endpoint needed, so it works behind NAT
 * and in shard processes). Messages and interactions are translated into one Desk call each; rendering,
 * mention-safety and Discord's deadlines stay here. Reconnects and resumes are discord.js's job.
 */
import { Client, Events, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatAdapter } from '../adapter.ts';
import { WorkInFlight } from '../work-in-flight.ts';
import type { Desk, Store } from '../../core/ports.ts';
import type { HandlerContext } from './context.ts';
import { NO_MENTIONS } from './escape.ts';
import { handleInteraction } from './interactions.ts';
import { explainLoginError } from './login-errors.ts';
import { handleMessage } from './messages.ts';

export interface DiscordAdapterOptions {
  desk: Desk;
  logger: Logger;
  /** Bot token (Developer Portal → Bot). */
  token: string;
  /** REST base, e.g. `http://127.0.0.1:PORT/api` for tests or a proxy; Discord's by default. */
  apiUrl?: string;
  /** Users allowed to run /framework-admin besides members with Administrator. */
  adminUserIds: string[];
  /** Shared state: which threads the bot answered in, for un-mentioned follow-ups (off without it). */
  store?: Store;
  /** Shard ids for this process; unset lets discord.js read SHARDS/SHARD_COUNT from the ShardingManager. */
  shards?: number | number[] | 'auto';
  /** How long `stop()` waits for answers in flight before disconnecting. */
  drainMs?: number;
}

/** Intents: guild structure, guild messages and DMs, and the privileged Message Content intent. */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages];

export function createDiscordClient(options: Pick<DiscordAdapterOptions, 'apiUrl' | 'shards'>): Client {
  return new Client({
    intents: DISCORD_INTENTS,
    // DM channels are not cached before their first message; without this partial DMs never arrive.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // Every event carries the message it is about, so caching messages would only cost memory at scale.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    ...(options.apiUrl && { rest: { api: options.apiUrl } }),
    ...(options.shards !== undefined && { shards: options.shards }),
  });
}

export function createDiscordAdapter(options: DiscordAdapterOptions): ChatAdapter {
  const client = createDiscordClient(options);
  const context: HandlerContext = { desk: options.desk, logger: options.logger, adminUserIds: options.adminUserIds, ...(options.store && { store: options.store }) };
  const inFlight = new WorkInFlight();
  let stopping = false;
  let stopped: Promise<void> | undefined;

  const track = (work: Promise<void>) => {
    // Handlers catch their own errors; this is the net for a bug before their try, so a rejection is
    // logged here instead of surfacing as an unhandled rejection in a shard child.
    void inFlight.track(work.catch((error: unknown) => options.logger.error({ err: error }, 'Discord handler failed')));
  };
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(handleMessage(message, context));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(handleInteraction(interaction, context));
  });
  // Without an 'error' listener an EventEmitter error would throw and take the process down.
  client.on(Events.Error, (error) => options.logger.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => options.logger.warn(message));
  client.on(Events.ShardDisconnect, (_event, shard) => options.logger.warn({ shard }, 'Discord shard disconnected'));
  client.on(Events.ShardResume, (shard) => options.logger.info({ shard }, 'Discord shard resumed'));

  return {
    name: 'discord',
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(options.token);
      } catch (error) {
        throw explainLoginError(error);
      }
      await ready;
      options.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord connected');
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await inFlight.settle(options.drainMs ?? 5_000);
        await client.destroy();
      })();
      return stopped;
    },
    isReady: () => !stopping && client.isReady(),
  };
}
