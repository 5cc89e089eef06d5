import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedSpecPath } from './shared-specs.ts';

const root = new URL('../../', import.meta.url).pathname;
const besideRoot = new URL('../shared/specs/README.md', `file://${root}`).pathname;

describe('shared specs path', () => {
  it('resolves ../shared/specs beside the repository root (or beside the checkout it was cloned from)', () => {
    const path = sharedSpecPath('README.md');
    expect(path.endsWith('/shared/specs/README.md')).toBe(true);
    // In a checkout with ../shared beside it, that folder wins over the origin's.
    if (existsSync(besideRoot)) expect(path).toBe(besideRoot);
  });

  it('names every path it tried when a spec is missing', () => {
    expect(() => sharedSpecPath('slack/no-such-file.json')).toThrow(/spec file not found: tried \/.*\/shared\/specs\/slack\/no-such-file\.json/);
  });
});
