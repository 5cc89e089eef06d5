/**
 * `npm run report [-- --limit 20] [-- --json] [-- --workspace slack:T0123]`: what users asked that the bot could not answer, and which
 * answers they down-voted — the to-do list for `knowledge/`. Reads the shared Redis store; the in-memory
 * store lives inside the running bot, so without REDIS_URL this points at the admin command instead.
 */
import { formatReport } from '../core/report/format.ts';
import { formatConfigProblems, loadConfig } from '../ops/config.ts';
import { describeUrl } from '../ops/logger.ts';
import { RedisStore } from '../stores/redis-store.ts';
import { ENV_HELP, runCli } from './run-cli.ts';

runCli(
  {
    name: 'report',
    usage: 'npm run report [-- --limit N] [-- --json] [-- --workspace ID]',
    help: `Lists the most asked questions the bot declined and the most down-voted answers, from the Redis store
the bot writes to (REDIS_URL, REDIS_KEY_PREFIX).

  --limit N          how many of each (1–1000, default 10)
  --json             one JSON object instead of text
  --workspace ID     one workspace's report: slack:T0123ABCD (multi-workspace Slack) or
                     discord:123456789012345678 (a server); without it, the deployment-wide one
                     (single-token Slack, DMs, the console)
  -h, --help         this text

${ENV_HELP}`,
    options: { limit: { type: 'string' }, json: { type: 'boolean' }, workspace: { type: 'string' } },
    positionals: false,
    exitWhenDone: true,
  },
  async ({ values }) => {
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      console.error(`report: --limit must be a whole number from 1 to 1000 (got "${values.limit ?? ''}")`);
      return 2;
    }
    const workspace = values.workspace;
    if (workspace !== undefined && !/^(slack:[A-Z0-9]{3,30}|discord:\d{5,25})$/.test(workspace)) {
      console.error(`report: --workspace must be slack:<team id> or discord:<server id>, e.g. slack:T0123ABCD (got "${workspace.slice(0, 60)}")`);
      return 2;
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
      const report = await store.report(limit, workspace);
      console.log(values.json ? JSON.stringify(report) : formatReport(report));
      return 0;
    } finally {
      await store.close();
    }
  },
);
