/**
 * Reads `.env` (or the file ENV_FILE names) into `process.env` before the config is parsed, so a newcomer's
 * filled-in copy of `.env.example` is what `npm start` and the CLIs run with. Variables already in the real
 * environment win over the file, as with Node's own `--env-file`: an orchestrator's settings are never
 * overridden by a stray file baked into an image or left in a checkout.
 *
 * Node's `process.loadEnvFile` does the same merge but cannot say which variables it took or kept, and
 * `--env-file-if-exists` prints a warning when the file is missing; `util.parseEnv` gives us both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** What reading the env file did, for the start-up log line. */
export type EnvFileResult = { status: 'read'; file: string; applied: string[]; kept: string[] } | { status: 'absent' | 'disabled' } | { status: 'failed'; problem: string };

/** `ENV_FILE=none` turns the file off (tests use it so a developer's own `.env` cannot leak in). */
const DISABLED = 'none';

/**
 * Merges the env file into `env` (default `process.env`): `.env` in `cwd`, or the path in `env.ENV_FILE`.
 * A missing `.env` is normal (`absent`); a missing or unreadable file that ENV_FILE names is a problem.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EnvFileResult {
  const named = env.ENV_FILE?.trim();
  if (named === DISABLED) return { status: 'disabled' };
  const file = named || '.env';
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!named && code === 'ENOENT') return { status: 'absent' };
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    return { status: 'failed', problem: `ENV_FILE is "${file}", which ${why} — fix the path, or unset ENV_FILE to read .env` };
  }
  const applied: string[] = [];
  const kept: string[] = [];
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (env[key] !== undefined) kept.push(key);
    else {
      env[key] = value;
      applied.push(key);
    }
  }
  return { status: 'read', file: path.relative(cwd, full) || file, applied: applied.sort(), kept: kept.sort() };
}

/** One line for the start-up log: which file was read and what the real environment overrode. */
export function describeEnvFile(result: EnvFileResult): string {
  switch (result.status) {
    case 'read': {
      const kept = result.kept.length > 0 ? `; the environment's own ${result.kept.join(', ')} kept` : '';
      return `settings read from ${result.file} (${result.applied.length} variable${result.applied.length === 1 ? '' : 's'}${kept})`;
    }
    case 'absent':
      return 'no .env file: settings from the environment only';
    case 'disabled':
      return 'ENV_FILE=none: settings from the environment only';
    case 'failed':
      return result.problem;
  }
}
