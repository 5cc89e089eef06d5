/** The `npm run choose` contract: spawn the CLI like a script would and parse what it prints. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function choose(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/choose.ts', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ENV_FILE: 'none', KNOWLEDGE_DIR: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('choose CLI', () => {
  it('--json prints one line with the framework, confidence, cited reasons and citations', () => {
    const { code, stdout } = choose('--json', 'goal=production', 'target=mobile_edge', 'hardware=tpu', 'domain=vision', 'team=tensorflow');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(stdout);
    expect(json.framework).toBe('tensorflow');
    expect(json.confidence).toBeGreaterThan(0.5);
    expect(json.confidence).toBeLessThanOrEqual(1);
    expect(json.reasons.length).toBeGreaterThanOrEqual(1);
    for (const r of json.reasons) {
      expect(typeof r.text).toBe('string');
      expect(r.citation).toMatchObject({ title: expect.any(String), source: expect.any(String), snippet: expect.any(String) });
      expect(r.citation.snippet.length).toBeGreaterThan(20);
    }
    expect(json.citations.length).toBeGreaterThanOrEqual(json.reasons.length > 0 ? 1 : 0);
    expect(json.scores.tensorflow).toBeGreaterThan(json.scores.pytorch);
    expect(json.runnerUp.framework).toBe('pytorch');
    expect(Array.isArray(json.wouldChange)).toBe(true);
  });

  it('missing answers count as no preference', () => {
    const { code, stdout } = choose('--json', 'goal=research');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.framework).toBe('pytorch');
    expect(json.answers).toEqual({ goal: 'research' });
  });

  it('bad ids exit non-zero naming the valid ones', () => {
    const { code, stdout, stderr } = choose('--json', 'goal=fun', 'budget=low');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('research, prototyping, production, learning');
    expect(stderr).toContain('goal, target, hardware, domain, team');
  });

  it('without --json prints score bars and sources', () => {
    const { code, stdout } = choose('target=browser');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Recommendation: TensorFlow/);
    expect(stdout).toMatch(/TensorFlow █+/);
    expect(stdout).toMatch(/Sources:\n\[1\] /);
  });
});
