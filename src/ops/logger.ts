/**
 * pino logger: JSON lines for log shippers, pretty output when a human watches a terminal. Secrets are
 * removed twice: by field name (`log-redaction.ts`) and by value (any configured token that ends up inside
 * a message string, e.g. a Redis URL with a password in a connection error).
 */
import { pino, type Logger, type DestinationStream, type LevelWithSilent } from 'pino';
import { CENSOR, redactSecretFields, SECRET_FIELDS } from './log-redaction.ts';

export type { Logger };

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
  // Secret fields by name, then secret values in messages and in the string fields of the merge object
  // (`{ error: message }`, `{ raw }`), one level deep.
  // A plain object is copied only when a value changes (the question line is logged on every question);
  // anything else is rebuilt from its own fields as before.
  const scrubArgument = (arg: unknown): unknown => {
    if (typeof arg === 'string') return scrub(arg);
    const named = redactSecretFields(arg);
    if (typeof named !== 'object' || named === null || Array.isArray(named) || named instanceof Error) return named;
    if (Object.getPrototypeOf(named) !== Object.prototype) {
      return Object.fromEntries(Object.entries(named).map(([key, value]) => [key, typeof value === 'string' ? scrub(value) : value]));
    }
    let copy: Record<string, unknown> | undefined;
    for (const key in named) {
      const value = (named as Record<string, unknown>)[key];
      if (typeof value !== 'string') continue;
      const scrubbed = scrub(value);
      if (scrubbed === value) continue;
      copy ??= { ...named };
      copy[key] = scrubbed;
    }
    return copy ?? named;
  };
  const fd = options.stderr ? 2 : 1;
  const tty = (options.stderr ? process.stderr : process.stdout).isTTY === true;
  const pretty = options.pretty ?? (options.destination === undefined && tty);
  const base = {
    level: options.level,
    base: { service: 'framework-desk' },
    // Top-level names only, which costs pino nothing on other fields; it covers child-logger bindings,
    // which the hook below never sees. Deeper fields are the hook's (see log-redaction.ts for why).
    redact: { paths: [...SECRET_FIELDS], censor: CENSOR },
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
