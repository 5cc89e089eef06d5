/**
 * The contracts scripts rely on, through `npm run --silent` itself (npm's own output must not creep into
 * stdout): `ask -- --json "q"` → one JSON line; `ask -- --json` with stdin → one JSON line per input line;
 * `choose -- --json goal=… target=… hardware=… domain=… team=…` → one JSON line.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-script.ts';

function npmRun(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_FILE: 'none' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('npm run --silent … -- --json', () => {
  it('ask with a question prints exactly one JSON line', async () => {
    const run = await npmRun(['ask', '--', '--json', 'when was pytorch released?']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ question: 'when was pytorch released?', answered: true });
  });

  it('ask with no question reads stdin: one JSON line per input line, blank lines included', async () => {
    const run = await npmRun(['ask', '--', '--json'], 'when was tensorflow released?\n\nhow do I bake bread?\n');
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => [l.question, l.answered])).toEqual([
      ['when was tensorflow released?', true],
      ['', false],
      ['how do I bake bread?', false],
    ]);
  });

  it('choose with all five answers prints exactly one JSON line', async () => {
    const run = await npmRun(['choose', '--', '--json', 'goal=research', 'target=cloud_server', 'hardware=gpu', 'domain=nlp_genai', 'team=none']);
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      framework: 'pytorch',
      answers: { goal: 'research', target: 'cloud_server', hardware: 'gpu', domain: 'nlp_genai', team: 'none' },
    });
  });
});
