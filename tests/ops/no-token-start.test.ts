/**
 * `npm start` with no chat token: a terminal or a pipe with questions gets the console chat as before;
 * an input with nobody behind it (Docker without -it: stdin is /dev/null) exits 2 saying what is missing,
 * instead of exiting 0 right after the banner or serving health checks for a bot nobody can reach.
 */
import { describe, expect, it } from 'vitest';
import { consoleEnd } from '../../src/ops/adapters.ts';
import { runScript } from '../cli/run-script.ts';
import { freePort } from './redis-server.ts';

const env = async () => ({ PORT: String(await freePort()), HOST: '127.0.0.1' });

describe('npm start with no chat token', () => {
  it('stdin on /dev/null (Docker without -it): exit 2 with what to set', async () => {
    const run = await runScript('src/main.ts', [], { env: await env(), stdin: null });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Framework Desk has nobody to talk to: no chat token is set (SLACK_BOT_TOKEN, DISCORD_TOKEN)');
    expect(run.stderr).toContain('docker run -it');
  });

  it('piped questions: answered on stdout, then exit 0 as before', async () => {
    const run = await runScript('src/main.ts', [], { env: await env(), stdin: 'when was pytorch released?\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/September 2016/);
    expect(run.stdout).toMatch(/Sources:\n\[1\] /);
    expect(run.stderr).not.toContain('nobody to talk to');
  });

  it('the rule: only an input that is not a terminal and sent nothing is a misconfiguration', () => {
    expect(consoleEnd(0, false)).toMatchObject({ exitCode: 2, problem: expect.stringContaining('nobody to talk to') });
    expect(consoleEnd(0, true)).toEqual({ exitCode: 0 }); // Ctrl-D at the first prompt
    expect(consoleEnd(1, false)).toEqual({ exitCode: 0 }); // a blank line piped in is still a conversation
  });
});
