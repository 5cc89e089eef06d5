/**
 * `.env` is read by `npm start` and the CLIs: values fill in what the real environment leaves unset, the
 * real environment wins, the start-up log says which file was read, and a file ENV_FILE names must exist.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeEnvFile, loadEnvFile } from '../../src/ops/env-file.ts';
import { ROOT, runScript } from '../cli/run-script.ts';
import { killQuietly, startBot, type BotProcess } from './process.ts';
import { freePort } from './redis-server.ts';

const dirs: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fdesk-env-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('loadEnvFile', () => {
  it('fills unset variables from .env in the working directory; the real environment wins', () => {
    const dir = tempDir({ '.env': '# comment\nPORT=4000\nLOG_LEVEL=debug\nSLACK_API_URL="http://127.0.0.1:9/api/"\nEMPTY=\n' });
    const env: NodeJS.ProcessEnv = { PORT: '5000' };
    const result = loadEnvFile(env, dir);
    expect(result).toEqual({ status: 'read', file: '.env', applied: ['EMPTY', 'LOG_LEVEL', 'SLACK_API_URL'], kept: ['PORT'] });
    expect(env).toEqual({ PORT: '5000', LOG_LEVEL: 'debug', SLACK_API_URL: 'http://127.0.0.1:9/api/', EMPTY: '' });
    expect(describeEnvFile(result)).toBe("settings read from .env (3 variables; the environment's own PORT kept)");
  });

  it('a missing .env is normal; ENV_FILE names another file, must exist, and none turns it off', () => {
    const dir = tempDir({ 'prod.env': 'PORT=4100\n', '.env': 'PORT=1\n' });
    const empty = tempDir({});
    expect(loadEnvFile({}, empty)).toEqual({ status: 'absent' });

    const named: NodeJS.ProcessEnv = { ENV_FILE: 'prod.env' };
    expect(loadEnvFile(named, dir)).toMatchObject({ status: 'read', file: 'prod.env', applied: ['PORT'] });
    expect(named.PORT).toBe('4100');

    const missing = loadEnvFile({ ENV_FILE: 'nope.env' }, dir);
    expect(missing).toEqual({ status: 'failed', problem: 'ENV_FILE is "nope.env", which does not exist — fix the path, or unset ENV_FILE to read .env' });

    const off: NodeJS.ProcessEnv = { ENV_FILE: 'none' };
    expect(loadEnvFile(off, dir)).toEqual({ status: 'disabled' });
    expect(off.PORT).toBeUndefined();
  });
});

describe('.env in real processes', () => {
  let bot: BotProcess | undefined;
  afterEach(() => killQuietly(bot));

  it('npm start reads .env from its working directory, logs it, and lets the real environment win', async () => {
    const filePort = await freePort();
    const realPort = await freePort();
    const knowledge = path.join(ROOT, 'knowledge');
    const cwd = tempDir({ '.env': `PORT=${filePort}\nHOST=127.0.0.1\nLOG_LEVEL=info\nKNOWLEDGE_DIR=${knowledge}\n` });
    bot = startBot({ ENV_FILE: '', PORT: String(realPort) }, path.join(ROOT, 'src/main.ts'), [], cwd);
    await bot.waitFor(/HTTP listening/);
    const log = bot.stdout() + bot.stderr();
    expect(log).toContain("settings read from .env (3 variables; the environment's own PORT kept)");
    expect(log).toContain(`HTTP listening on 127.0.0.1:${realPort}`);
    expect((await fetch(`http://127.0.0.1:${realPort}/healthz`)).status).toBe(200);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('a CLI reads .env too (KNOWLEDGE_DIR from the file), and the real environment wins', async () => {
    const broken = tempDir({ 'only.md': '---\nid: only\ntitle: Only\nframeworks: [pytorch]\n---\n## X\ntext\n' });
    const cwd = tempDir({ '.env': `KNOWLEDGE_DIR=${broken}\n` });
    const fromFile = await runScript('src/cli/ask.ts', ['--json', 'when was pytorch released?'], { cwd, env: { ENV_FILE: '' } });
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`The knowledge base in ${broken} has errors`);

    const real = await runScript('src/cli/ask.ts', ['--json', 'when was pytorch released?'], {
      cwd,
      env: { ENV_FILE: '', KNOWLEDGE_DIR: path.join(ROOT, 'knowledge') },
    });
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ answered: true });
  });

  it('npm start refuses a missing ENV_FILE with exit 2 and the fix', async () => {
    bot = startBot({ ENV_FILE: 'missing.env' });
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toContain('ENV_FILE is "missing.env", which does not exist');
  });
});
