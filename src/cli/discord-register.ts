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
import { MemoryStore } from '../stores/memory-store.ts';

function fail(message: string): never {
  console.error(`discord:register: ${message}`);
  process.exit(1);
}

const env = process.env;
const token = env.DISCORD_TOKEN?.trim();
if (!token) fail('DISCORD_TOKEN is not set — copy the bot token from the Developer Portal → your app → Bot → Reset Token.');
for (const name of ['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'] as const) {
  const value = env[name]?.trim();
  if (value && !/^\d{5,25}$/.test(value)) fail(`${name} must be a numeric id (Developer Mode → right-click → Copy ID), got "${value}".`);
}

const knowledgeDir = env.KNOWLEDGE_DIR?.trim() || 'knowledge';
let questions;
try {
  // The /choose-framework options come from the flow, read through the same Desk the bot runs.
  questions = await flowQuestions(await createDesk({ knowledgeDir, store: new MemoryStore() }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

try {
  const result = await registerCommands({
    token,
    questions,
    ...(env.DISCORD_APPLICATION_ID?.trim() && { applicationId: env.DISCORD_APPLICATION_ID.trim() }),
    ...(env.DISCORD_GUILD_ID?.trim() && { guildId: env.DISCORD_GUILD_ID.trim() }),
    ...(env.DISCORD_API_URL?.trim() && { apiUrl: env.DISCORD_API_URL.trim() }),
  });
  const where = result.scope === 'global' ? 'globally (may take up to an hour to appear everywhere)' : `to guild ${result.scope.guildId} (available now)`;
  console.log(`Registered ${result.names.map((n) => `/${n}`).join(', ')} for application ${result.applicationId} ${where}.`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
