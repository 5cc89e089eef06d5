/**
 * pino logger: JSON lines for log shippers, pretty output when a human watches a terminal. Secrets are
 * removed twice: by field name (pino's redaction) and by value (any configured token that ends up inside
 * a message string, e.g. a Redis URL with a password in a connection error).
 */
import { pino, type Logger, type DestinationStream, type LevelWithSilent } from 'pino';

export type { Logger };

/** Field names whose values never reach the log, at the top level and one or two levels down. */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'password',
  'authorization',
  'cookie',
  'ADMIN_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'stateSecret',
  'access_token',
  'refresh_token',
  'DISCORD_TOKEN',
  'REDIS_URL',
];
const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]).concat([
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'headers["x-slack-signature"]',
]);

/** Slack bot, user, app, refresh and config tokens (`xoxb-…`, `xoxp-…`, `xapp-…`, `xoxe-…`). */
const SLACK_TOKEN_SHAPE = /\bx(?:ox[abpre]|app)-[A-Za-z0-9-]{6,}/g;

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Concrete secret values (tokens, passwords) to blank out wherever they appear in message text. */
  secrets?: (string | undefined)[];
  /** Defaults to pretty output on a TTY, JSON on stdout otherwise. Tests pass a stream. */
  destination?: DestinationStream;
  pretty?: boolean;
  /** Write to stderr instead of stdout (console chat mode, where stdout is the conversation). */
  stderr?: boolean;
}

/** Escapes a literal for use inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const pattern = secrets.length > 0 ? new RegExp(secrets.map(literal).join('|'), 'g') : undefined;
  // Per-workspace bot tokens (OAuth installs) are not known at start-up: any Slack token shape is blanked.
  const scrub = (text: string) => (pattern ? text.replace(pattern, '[Redacted]') : text).replace(SLACK_TOKEN_SHAPE, '[Redacted]');
  // Messages and the string fields of the merge object (`{ error: message }`, `{ raw }`), one level deep.
  const scrubArgument = (arg: unknown): unknown => {
    if (typeof arg === 'string') return scrub(arg);
    if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || arg instanceof Error) return arg;
    return Object.fromEntries(Object.entries(arg).map(([key, value]) => [key, typeof value === 'string' ? scrub(value) : value]));
  };
  const fd = options.stderr ? 2 : 1;
  const tty = (options.stderr ? process.stderr : process.stdout).isTTY === true;
  const pretty = options.pretty ?? (options.destination === undefined && tty);
  const base = {
    level: options.level,
    base: { service: 'framework-desk' },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
        method.apply(this, (args as unknown[]).map(scrubArgument));
      },
    },
    serializers: {
      err: (error: unknown) => {
        const serialized = pino.stdSerializers.err(error as Error);
        if (serialized?.message) serialized.message = scrub(serialized.message);
        if (serialized?.stack) serialized.stack = scrub(serialized.stack);
        return serialized;
      },
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    const prettyOptions = { colorize: true, translateTime: 'SYS:HH:MM:ss.l', destination: fd };
    return pino({ ...base, transport: { target: 'pino-pretty', options: prettyOptions } });
  }
  return pino(base, pino.destination({ fd, sync: true }));
}

/** `redis://user:secret@host:6379/0` → `redis://user:***@host:6379/0`, for start-up lines. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * A promise rejection nobody handled is a bug to log, not a reason to drop every answer in flight:
 * Node 20 would otherwise exit. Used by every entry point (main process and Discord shards).
 */
export function keepRunningOnUnhandledRejection(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection (kept running)'));
}
