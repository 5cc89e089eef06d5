/**
 * Secrets removed from log lines by field name: a field called `token`, `authorization`, … is replaced by
 * `[Redacted]` at the top level of a line and one or two levels down (the reach the wildcard paths
 * `*.field` and `*.*.field` had in pino's `redact`). pino's `redact` keeps only the top-level names
 * (free for other fields, and it also covers child-logger bindings); the deeper ones are walked here,
 * because with a wildcard path per field pino's redaction cost ~40 µs on every line — more than the rest
 * of the logging — and the bot logs a line per question. The walk reads only the line's own fields and
 * copies only what it changes, so the caller's objects are never modified.
 */

/** Field names whose values never reach the log. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'password',
  'authorization',
  'cookie',
  'x-slack-signature',
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
]);

export const CENSOR = '[Redacted]';

/** Levels below the top that are still searched (`*.*.field`). */
const MAX_DEPTH = 2;

/** Objects JSON would write field by field (not ones with their own toJSON, such as Date or Buffer). */
function isWalkable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** A copy to change; an Error stays an Error (message and stack kept) so pino's err serializer still applies. */
function shallowCopy(value: Record<string, unknown>): Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return [...value];
  if (value instanceof Error) return Object.assign(Object.create(Object.getPrototypeOf(value) as object) as Error, value, { message: value.message, stack: value.stack });
  return { ...value };
}

/**
 * `value` with every secret field (at `depth` and up to MAX_DEPTH) replaced by CENSOR; the same object
 * when there is none. A changed object comes back as a copy of its own enumerable fields (an array as
 * an array, an Error as an Error), which JSON writes as it wrote the original, minus the secret.
 */
export function redactSecretFields<T>(value: T, depth = 0): T {
  if (!isWalkable(value)) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const key of Object.keys(value)) {
    const field = value[key];
    const replaced = SECRET_FIELDS.has(key) ? CENSOR : depth < MAX_DEPTH ? redactSecretFields(field, depth + 1) : field;
    if (replaced === field) continue;
    copy ??= shallowCopy(value);
    (copy as Record<string, unknown>)[key] = replaced;
  }
  return (copy ?? value) as T;
}
