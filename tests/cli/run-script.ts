/**
 * Runs one of our scripts as a real child process, the way `npm run` would, from any working directory:
 * tsx is imported by file URL, so a test can start a CLI inside a temp folder that holds its own `.env`.
 * The environment is clean (PATH and HOME only) and ENV_FILE=none unless the test sets it, so a
 * developer's own `.env` never leaks into a test. The snapshot cache is off (KNOWLEDGE_CACHE_DIR=off) so tests
 * never write into node_modules — which may be shared with other checkouts — and always take the full load.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ScriptOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Written to stdin, then closed; `null` gives the child /dev/null as stdin, as Docker without -i does. */
  stdin?: string | null;
  timeoutMs?: number;
}

/** Runs `command` with a clean environment and collects its output; killed after the timeout. */
export function runProcess(command: string, args: string[], options: ScriptOptions = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_FILE: 'none', KNOWLEDGE_CACHE_DIR: 'off', ...options.env },
      stdio: [options.stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (options.stdin !== null) child.stdin?.end(options.stdin ?? '');
  });
}

/** One of our scripts under Node + tsx; `script` is relative to the repository root, e.g. `src/cli/ask.ts`. */
export function runScript(script: string, args: string[], options: ScriptOptions = {}): Promise<ScriptRun> {
  return runProcess(process.execPath, ['--import', TSX, path.join(ROOT, script), ...args], options);
}
