/**
 * Registers the slash commands with one bulk overwrite (`PUT …/commands`): globally, or to one guild
 * for development (guild commands appear instantly; global ones can take a while to reach clients).
 * Overwriting rather than creating one by one keeps registration idempotent and removes stale commands.
 */
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { buildCommandDefinitions, type QuestionChoiceSource } from './command-definitions.ts';

export interface RegisterOptions {
  token: string;
  /** Fetched from `/oauth2/applications/@me` (the bot's own application) when unset. */
  applicationId?: string;
  /** Register to this guild only (instant) instead of globally. */
  guildId?: string;
  /** REST base URL (proxies, tests); Discord's by default. */
  apiUrl?: string;
  questions: QuestionChoiceSource[];
  /** Display names of the declared frameworks, for the command descriptions. */
  frameworks?: string[];
}

export interface RegisterResult {
  applicationId: string;
  scope: 'global' | { guildId: string };
  names: string[];
}

function explain(error: unknown, what: string): Error {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return new Error(`Discord refused DISCORD_TOKEN while ${what} (401) — copy a fresh token from the Developer Portal → Bot`);
    if (error.status === 403)
      return new Error(
        `Discord said 403 while ${what} — is the bot in that guild (DISCORD_GUILD_ID) with the applications.commands scope? Re-invite it with the URL in docs/discord.md.`,
      );
    if (error.status === 404) return new Error(`Discord said 404 while ${what} — check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID`);
    return new Error(`Discord rejected the request while ${what}: ${error.status} ${error.message}`);
  }
  return new Error(`Could not reach Discord while ${what}: ${error instanceof Error ? error.message : String(error)} — check DISCORD_API_URL and the network`);
}

export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ ...(options.apiUrl && { api: options.apiUrl }) }).setToken(options.token);
  let applicationId = options.applicationId;
  if (!applicationId) {
    try {
      applicationId = ((await rest.get(Routes.oauth2CurrentApplication())) as { id: string }).id;
    } catch (error) {
      throw explain(error, 'looking up the application id');
    }
  }
  const body = buildCommandDefinitions(options.questions, options.frameworks);
  const route = options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId);
  let registered: { name: string }[];
  try {
    registered = (await rest.put(route, { body })) as { name: string }[];
  } catch (error) {
    throw explain(error, 'registering the commands');
  }
  return { applicationId, scope: options.guildId ? { guildId: options.guildId } : 'global', names: registered.map((c) => c.name) };
}
