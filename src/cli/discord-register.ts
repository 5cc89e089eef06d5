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

function fail(message: string): never {
  console.error(`discord:register: ${message}`);
  process.exit(1);
}

// The same schema as the bot: a value it would reject is rejected here too, with the same words.
const loaded = loadConfig();
if (!loaded.ok) fail(formatConfigProblems(loaded.problems));
const { env } = loaded.config;
const token = env.DISCORD_TOKEN;
if (!token) fail('DISCORD_TOKEN is not set — copy the bot token from the Developer Portal → your app → Bot → Reset Token.');

const knowledgeDir = env.KNOWLEDGE_DIR;
let questions: Awaited<ReturnType<typeof flowQuestions>>;
let frameworks: string[];
try {
  // The /choose-framework options come from the flow, read through the same Desk the bot runs.
  const desk = await createDesk({ knowledgeDir, store: new MemoryStore() });
  questions = await flowQuestions(desk);
  frameworks = desk.status().frameworks;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

try {
  const result = await registerCommands({
    token,
    questions,
    frameworks,
    ...(env.DISCORD_APPLICATION_ID && { applicationId: env.DISCORD_APPLICATION_ID }),
    ...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
    ...(env.DISCORD_API_URL && { apiUrl: env.DISCORD_API_URL }),
  });
  const where = result.scope === 'global' ? 'globally (may take up to an hour to appear everywhere)' : `to guild ${result.scope.guildId} (available now)`;
  console.log(`Registered ${result.names.map((n) => `/${n}`).join(', ')} for application ${result.applicationId} ${where}.`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
