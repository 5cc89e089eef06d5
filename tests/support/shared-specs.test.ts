import { describe, expect, it } from 'vitest';
import { sharedSpecPath } from './shared-specs.ts';

describe('shared specs path', () => {
  it('resolves ../shared/specs from the repository root, not an absolute path', () => {
    const path = sharedSpecPath('README.md');
    expect(path.endsWith('/shared/specs/README.md')).toBe(true);
    const root = new URL('../../', import.meta.url).pathname;
    expect(path).toBe(new URL('../shared/specs/README.md', `file://${root}`).pathname);
  });

  it('names the expected path when a spec is missing', () => {
    expect(() => sharedSpecPath('slack/no-such-file.json')).toThrow(/spec file not found: expected \/.*\/shared\/specs\/slack\/no-such-file\.json/);
  });
});
