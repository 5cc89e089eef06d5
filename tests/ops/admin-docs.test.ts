/** The admin page's docs: every screenshot the browser test takes is committed and shown in docs/admin.md. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMITTED_SCREENSHOTS, SCREENSHOTS } from './admin-screenshots.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('admin page docs', () => {
  it('commit every screenshot as a PNG and show each one in docs/admin.md', () => {
    const doc = read('docs/admin.md');
    for (const name of SCREENSHOTS) {
      const file = join(COMMITTED_SCREENSHOTS, `${name}.png`);
      expect(existsSync(file), `${file} is missing — run npm run screenshots`).toBe(true);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      expect(statSync(file).size).toBeGreaterThan(5_000);
      expect(doc).toContain(`](screenshots/${name}.png)`);
    }
  });

  it('are linked from the README', () => {
    expect(read('README.md')).toContain('](docs/admin.md)');
  });
});
