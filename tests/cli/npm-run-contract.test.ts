/**
 * The contracts scripts rely on, through `npm run --silent` itself (npm's own output must not creep into
 * stdout): `ask -- --json "q"` → one JSON line; `ask -- --json` with stdin → one JSON line per input line;
 * `choose -- --json goal=… target=… hardware=… domain=… team=…` → one JSON line.
 */
import { describe, expect, it } from 'vitest';
import { runProcess } from './run-script.ts';

function npmRun(args: string[], stdin = '') {
  return runProcess('npm', ['run', '--silent', ...args], { stdin, timeoutMs: 30_000 });
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
