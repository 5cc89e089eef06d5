/**
 * The admin page screenshots: the browser test takes them, docs/admin.md shows them. The test writes
 * into a temp dir unless SCREENSHOT_DIR is set — `npm run screenshots` sets it to docs/screenshots to
 * refresh the committed images.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SCREENSHOTS = ['sign-in', 'knowledge', 'gaps', 'feedback', 'reload-refused', 'reload-ok', 'gaps-phone'] as const;
export type ScreenshotName = (typeof SCREENSHOTS)[number];

export const COMMITTED_SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

/** Where this run saves its screenshots, and how to tidy up after (a temp dir is removed, SCREENSHOT_DIR kept). */
export function screenshotDir(): { dir: string; cleanup: () => void } {
  const wanted = process.env.SCREENSHOT_DIR;
  if (wanted) return { dir: resolve(wanted), cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'fdesk-screens-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
