/**
 * `npm run report [-- --limit 20] [-- --json]`: what users asked that the bot could not answer, and which
 * answers they down-voted — the to-do list for `knowledge/`. Reads the shared Redis store; the in-memory
 * store lives inside the running bot, so without REDIS_URL this points at the admin command instead.
 */
import { formatReport } from '../core/report/format.ts';
import { loadConfig, formatConfigProblems } from '../ops/config.ts';
import { describeUrl } from '../ops/logger.ts';
import { RedisStore } from '../stores/redis-store.ts';

const USAGE = 'usage: npm run report [-- --limit N] [-- --json]';

function parseArgs(argv: string[]): { limit: number; json: boolean } | string {
  let limit = 10;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--limit' || arg?.startsWith('--limit=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return `--limit must be a whole number from 1 to 1000 (got "${value ?? ''}")`;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else return `unknown argument "${arg}"\n${USAGE}`;
  }
  return { limit, json };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return args === USAGE ? 0 : 2;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(formatConfigProblems(loaded.problems));
    return 2;
  }
  const { REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix } = loaded.config.env;
  if (!url) {
    console.error(
      'No REDIS_URL set: the in-memory store lives inside the running bot, so this command cannot read it.\n' +
        'Ask the bot instead — the admin report command in Slack or Discord, or /report in the console chat — ' +
        'or run the bot with REDIS_URL and use this command against the same Redis.',
    );
    return 1;
  }
  const store = new RedisStore({ url, keyPrefix, commandTimeoutMs: 5_000 });
  try {
    if (!(await store.connect(3_000))) {
      console.error(`Cannot reach Redis at ${describeUrl(url)} — is it running, and is REDIS_URL right?`);
      return 1;
    }
    const report = await store.report(args.limit);
    console.log(args.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  } finally {
    await store.close();
  }
}

// Exit explicitly: a Redis client still backing off from a failed connect would otherwise hold the process open.
process.exit(await main());
