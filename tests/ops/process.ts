/** Runs `src/main.ts` as a real child process, as `npm start` would, and watches its output. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_RUNTIME_FLAGS } from '../../src/ops/runtime-flags.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when `pattern` appears in stdout+stderr, rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** tsx by file URL, so the bot can start in any working directory (one holding a test's own `.env`). */
const TSX = import.meta.resolve('tsx');

export function startBot(env: Record<string, string>, script = 'src/main.ts', args: string[] = [], cwd = ROOT): BotProcess {
  const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, '--import', TSX, path.resolve(ROOT, script), ...args], {
    cwd,
    // A clean environment: only what the test sets (plus PATH/HOME for node itself), and no `.env` unless
    // the test asks for one — a developer's own file must never point a test at a real Slack or Discord.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_FILE: 'none', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = () => {
          if (pattern.test(out + err)) return resolve();
          if (child.exitCode !== null) return reject(new Error(`bot exited (${child.exitCode}) before ${pattern}:\n${out}\n${err}`));
          if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${pattern}:\n${out}\n${err}`));
          setTimeout(poll, 25);
        };
        poll();
      }),
  };
}

/** Kills the bot if a test failed midway, so nothing outlives the suite. */
export function killQuietly(bot: BotProcess | undefined): void {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
}
