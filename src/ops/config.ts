/**
 * The whole environment in one zod schema. Every variable the process reads is declared here (and in
 * `.env.example`, which a test keeps in step), validated once at start-up, and every problem is reported
 * at once in plain words — an operator fixes the whole list in one go instead of one crash per restart.
 */
import { z } from 'zod';

/** Empty values (`FOO=` in a .env file) mean "unset", as operators expect. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const flag = (fallback: boolean) =>
  optional(
    z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
      error: 'must be 1 or 0 (true/false, yes/no and on/off work too)',
    }),
  ).transform((value) => (value === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(value)));

const wholeNumber = (min: number, max: number, fallback: number) =>
  optional(
    z.coerce
      .number({ error: `must be a whole number from ${min} to ${max}` })
      .int({ error: `must be a whole number from ${min} to ${max}` })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` }),
  ).transform((value) => value ?? fallback);

const url = (what: string, protocols: RegExp) =>
  optional(
    z
      .string()
      .regex(protocols, { error: `must be a ${what} URL` })
      .pipe(z.url({ error: `must be a valid ${what} URL` })),
  );

const idList = (example: string) =>
  optional(z.string().regex(/^[\w\s,]+$/, { error: `must be a comma-separated list of user ids, e.g. ${example}` })).transform((value) =>
    (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );

const secret = (min: number) => optional(z.string().min(min, { error: `looks too short (at least ${min} characters)` }));

export const ENV_SHAPE = {
  /** Read before the schema runs (see env-file.ts); declared so it is documented and kept in `.env.example`. */
  ENV_FILE: optional(z.string()),
  PORT: wholeNumber(1, 65_535, 3000),
  HOST: optional(z.string()).transform((value) => value ?? '0.0.0.0'),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  ).transform((value) => value ?? 'info'),
  KNOWLEDGE_DIR: optional(z.string()).transform((value) => value ?? 'knowledge'),
  KB_WATCH: flag(false),
  KB_WATCH_DEBOUNCE_MS: wholeNumber(50, 60_000, 500),
  /** Read by the CLIs only (`core/knowledge/snapshot-cache.ts`); declared so it is documented and kept in `.env.example`. */
  KNOWLEDGE_CACHE_DIR: optional(z.string()),
  ADMIN_TOKEN: secret(16),
  TRUST_PROXY: flag(false),
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' })),
  SLACK_SIGNING_SECRET: secret(8),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' })),
  SLACK_API_URL: url('http(s)', /^https?:\/\//),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, { error: 'must be the Client ID from Basic Information → App Credentials (digits.digits)' })),
  SLACK_CLIENT_SECRET: secret(16),
  SLACK_STATE_SECRET: secret(16),
  SLACK_SCOPES: optional(z.string().regex(/^[a-z:.]+(\s*,\s*[a-z:.]+)*$/, { error: 'must be a comma-separated list of bot scopes, e.g. app_mentions:read,chat:write' })).transform(
    (value) => (value ? value.split(',').map((scope) => scope.trim()) : undefined),
  ),
  SLACK_ADMIN_USER_IDS: idList('U012ABCDEF,U034GHIJKL'),
  DISCORD_TOKEN: secret(20),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{5,25}$/, { error: 'must be the numeric application id' })),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{5,25}$/, { error: 'must be a numeric guild (server) id' })),
  DISCORD_API_URL: url('http(s)', /^https?:\/\//),
  DISCORD_ADMIN_USER_IDS: idList('123456789012345678'),
  DISCORD_SHARDS: optional(
    z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1024)], {
      error: 'must be "auto" or a whole number of shards from 1 to 1024',
    }),
  ),
  REDIS_URL: url('redis:// or rediss://', /^rediss?:\/\//),
  REDIS_KEY_PREFIX: optional(z.string()).transform((value) => value ?? 'fdesk:'),
  RATE_LIMIT_PER_MINUTE: wholeNumber(0, 100_000, 20),
  SESSION_TTL_MINUTES: wholeNumber(1, 7 * 24 * 60, 30),
  FOLLOW_UP_TTL_MINUTES: wholeNumber(1, 7 * 24 * 60, 60),
  FOLLOW_UP_MAX_CONVERSATIONS: wholeNumber(100, 10_000_000, 50_000),
  ANSWER_CACHE_SIZE: wholeNumber(0, 1_000_000, 1_000),
  SHUTDOWN_GRACE_MS: wholeNumber(0, 120_000, 10_000),
  SHUTDOWN_DRAIN_MS: wholeNumber(0, 120_000, 5_000),
};

/** Names of every environment variable the process reads (kept in step with `.env.example` by a test). */
export const ENV_KEYS = Object.keys(ENV_SHAPE) as (keyof typeof ENV_SHAPE)[];

export const EnvSchema = z.object(ENV_SHAPE);

/**
 * Rules between variables. Checked on the raw values, beside the schema, so they are reported together
 * with per-variable problems (a zod refinement would only run once every field parsed).
 */
function crossCheck(source: NodeJS.ProcessEnv): string[] {
  const set = (key: string) => (source[key] ?? '').trim() !== '';
  const problems: string[] = [];
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_TOKEN')) {
    problems.push(
      'SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN — copy it from your Slack app’s Basic Information → ' +
        'App Credentials (or set SLACK_APP_TOKEN to use Socket Mode instead of HTTP)',
    );
  }
  const oauthVars = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];
  const oauthSet = oauthVars.filter(set);
  if (oauthSet.length > 0 && oauthSet.length < oauthVars.length) {
    const missing = oauthVars.filter((key) => !set(key));
    problems.push(
      `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} required with ${oauthSet.join(' and ')} — the Client ID and Secret are on Basic Information → App Credentials; SLACK_STATE_SECRET is any long random string you choose (e.g. openssl rand -hex 32)`,
    );
  }
  const oauth = oauthSet.length > 0;
  if (oauth && set('SLACK_BOT_TOKEN')) {
    problems.push(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set — keep SLACK_BOT_TOKEN for one workspace, or the SLACK_CLIENT_* / SLACK_STATE_SECRET trio to be installed in many (docs/slack.md)',
    );
  }
  if (oauth && set('SLACK_APP_TOKEN')) {
    problems.push('SLACK_APP_TOKEN cannot be used with the OAuth install (SLACK_CLIENT_ID) — installing in many workspaces runs in HTTP mode: unset SLACK_APP_TOKEN');
  }
  if (oauth && !set('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_SIGNING_SECRET is required with SLACK_CLIENT_ID — copy it from your Slack app’s Basic Information → App Credentials');
  }
  if (set('SLACK_SCOPES') && !oauth)
    problems.push('SLACK_SCOPES is only used with the OAuth install — set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, or unset it');
  const slackExtras = ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'].filter(set);
  if (slackExtras.length > 0 && !set('SLACK_BOT_TOKEN') && !oauth) {
    problems.push(
      `SLACK_BOT_TOKEN is required when ${slackExtras.join(' or ')} is set — copy the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to be installable in many workspaces)`,
    );
  }
  if (set('DISCORD_SHARDS') && !set('DISCORD_TOKEN')) {
    problems.push('DISCORD_TOKEN is required when DISCORD_SHARDS is set — copy the bot token from the Developer Portal → Bot');
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

/** Every secret value in the environment, for the logger to blank out (the Redis password on its own too). */
export function secretValues(env: Env): string[] {
  let redisPassword: string | undefined;
  try {
    redisPassword = env.REDIS_URL ? decodeURIComponent(new URL(env.REDIS_URL).password) || undefined : undefined;
  } catch {
    redisPassword = undefined;
  }
  return [
    env.ADMIN_TOKEN,
    env.SLACK_BOT_TOKEN,
    env.SLACK_SIGNING_SECRET,
    env.SLACK_APP_TOKEN,
    env.SLACK_CLIENT_SECRET,
    env.SLACK_STATE_SECRET,
    env.DISCORD_TOKEN,
    env.REDIS_URL,
    redisPassword,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/** Validated, derived settings that `src/main.ts` wires from. */
export interface Config {
  env: Env;
  slackMode: 'http' | 'socket' | 'off';
  /** One workspace (SLACK_BOT_TOKEN) or installable in many through OAuth (SLACK_CLIENT_ID …). */
  slackInstall: 'token' | 'oauth';
  discord: boolean;
  /** Undefined when RATE_LIMIT_PER_MINUTE=0 (unlimited). */
  rateLimit?: { limit: number; windowMs: number };
  sessionTtlMs: number;
  /** Follow-ups: how long a conversation's last question is remembered, and how many conversations at most. */
  followUps: { ttlMs: number; maxConversations: number };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment; on failure returns one plain sentence per problem, never throws. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = EnvSchema.safeParse(source);
  const crossProblems = crossCheck(source);
  if (!parsed.success || crossProblems.length > 0) {
    const problems = (parsed.error?.issues ?? []).map((issue) => {
      const key = String(issue.path[0] ?? 'environment');
      const given = issue.path[0] !== undefined ? source[key] : undefined;
      const shown = given === undefined || /TOKEN|SECRET|REDIS_URL/.test(key) ? '' : ` (got "${given}")`;
      return `${key} ${issue.message}${shown}`;
    });
    return { ok: false, problems: [...new Set([...problems, ...crossProblems])] };
  }
  const env = parsed.data;
  const slackInstall = env.SLACK_CLIENT_ID ? 'oauth' : 'token';
  const slackMode = slackInstall === 'oauth' ? 'http' : !env.SLACK_BOT_TOKEN ? 'off' : env.SLACK_APP_TOKEN ? 'socket' : 'http';
  const config: Config = {
    env,
    slackMode,
    slackInstall,
    discord: Boolean(env.DISCORD_TOKEN),
    sessionTtlMs: env.SESSION_TTL_MINUTES * 60_000,
    followUps: { ttlMs: env.FOLLOW_UP_TTL_MINUTES * 60_000, maxConversations: env.FOLLOW_UP_MAX_CONVERSATIONS },
  };
  if (env.RATE_LIMIT_PER_MINUTE > 0) config.rateLimit = { limit: env.RATE_LIMIT_PER_MINUTE, windowMs: 60_000 };
  return { ok: true, config };
}

/** The start-up message for a broken environment: every problem, then where to look. */
export function formatConfigProblems(problems: string[]): string {
  const lines = problems.map((problem) => `  - ${problem}`);
  return [`Framework Desk cannot start: ${problems.length} configuration problem(s):`, ...lines, 'See .env.example for every variable.'].join('\n');
}
