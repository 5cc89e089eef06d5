/**
 * `npm run discord:register` — registers /ask, /choose-framework and /framework-admin with one bulk
 * overwrite. Globally by default; with DISCORD_GUILD_ID to that guild only (instant, for development).
 * The /choose-framework choices come from the flow file, so run it again after changing the questions.
 *
 * Env: DISCORD_TOKEN (required), DISCORD_APPLICATION_ID (optional, looked up otherwise),
 * DISCORD_GUILD_ID (optional), DISCORD_API_URL (optional), KNOWLEDGE_DIR (default `knowledge`).
 */
import { registerCommands } from '../adapters/discord/register.ts';
import { flowQuestions } from '../adapters/discord/flow-questions.ts';
import { createDesk } from '../core/desk.ts';
import { formatConfigProblems, loadConfig } from '../ops/config.ts';
import { MemoryStore } from '../stores/memory-store.ts';
import { ENV_HELP, runCli } from './run-cli.ts';

/** Registers the commands; throws with a message that names the fix. */
async function register(): Promise<string> {
  // The same schema as the bot: a value it would reject is rejected here too, with the same words.
  const loaded = loadConfig();
  if (!loaded.ok) throw new Error(formatConfigProblems(loaded.problems));
  const { env } = loaded.config;
  const token = env.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set — copy the bot token from the Developer Portal → your app → Bot → Reset Token.');
  // The /choose-framework options come from the flow, read through the same Desk the bot runs.
  const desk = await createDesk({ knowledgeDir: env.KNOWLEDGE_DIR, store: new MemoryStore() });
  const questions = await flowQuestions(desk);
  const result = await registerCommands({
    token,
    questions,
    frameworks: desk.status().frameworks,
    ...(env.DISCORD_APPLICATION_ID && { applicationId: env.DISCORD_APPLICATION_ID }),
    ...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
    ...(env.DISCORD_API_URL && { apiUrl: env.DISCORD_API_URL }),
  });
  const where = result.scope === 'global' ? 'globally (may take up to an hour to appear everywhere)' : `to guild ${result.scope.guildId} (available now)`;
  return `Registered ${result.names.map((n) => `/${n}`).join(', ')} for application ${result.applicationId} ${where}.`;
}

runCli(
  {
    name: 'discord:register',
    usage: 'npm run discord:register',
    help: `Registers the bot's slash commands with Discord in one bulk overwrite (safe to re-run). Globally, or to
one server with DISCORD_GUILD_ID (instant, for development). Re-run after changing the flow's questions.

  -h, --help         this text

Reads DISCORD_TOKEN (required), DISCORD_APPLICATION_ID (looked up when unset), DISCORD_GUILD_ID,
DISCORD_API_URL and KNOWLEDGE_DIR. ${ENV_HELP}`,
    options: {},
    positionals: false,
    exitWhenDone: true,
  },
  async () => {
    try {
      console.log(await register());
      return 0;
    } catch (error) {
      console.error(`discord:register: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
);
