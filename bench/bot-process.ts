/**
 * Bots as the benchmarks run them: each in a process of its own, started with the production Node flags
 * (`src/ops/runtime-flags.ts`) and TypeScript through tsx, as `npm start` does. Also how much CPU such a
 * process has used (from the kernel, so nothing in the bot has to cooperate) and a bounded stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { NODE_RUNTIME_FLAGS } from '../src/ops/runtime-flags.ts';

/** A port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/**
 * Node arguments for a bot process. With `SLACK_BENCH_PROFILE=dir` each bot also writes a V8 CPU profile
 * there when it exits (open it in Chrome DevTools → Performance, or read it as JSON).
 */
export function botExecArgv(): string[] {
  const profileDir = process.env.SLACK_BENCH_PROFILE;
  return [...NODE_RUNTIME_FLAGS, '--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
}

/** `node <flags> script` in `cwd` (default ours) with `env` on top of ours; stdout ignored or piped, stderr inherited. */
export function spawnBot(script: string, env: Record<string, string>, stdout: 'ignore' | 'pipe' = 'ignore', cwd?: string): ChildProcess {
  return spawn(process.execPath, [...botExecArgv(), script], { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'], ...(cwd && { cwd }) });
}

/** Waits until `GET http://127.0.0.1:port{path}` answers `ok` (2xx), polling; throws after `timeoutMs`. */
export async function waitReady(port: number, path = '/readyz', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}${path}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bot on port ${port} did not answer ${path} within ${timeoutMs / 1000} s`);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system, ms) process `pid` has used so far, from /proc/<pid>/stat (10 ms resolution). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 12th, stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopBot(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
