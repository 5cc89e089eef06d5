/**
 * The browser for the admin page's real-browser test: Debian's `chromium` (or CHROMIUM_PATH), driven by
 * playwright-core — never a downloaded browser. Like `hasRedisServer()`: without the binary the suite is
 * skipped and says so, unless REQUIRE_CHROMIUM=1 (set by .ci/run), where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(candidate)) return candidate;
  if (process.env.REQUIRE_CHROMIUM === '1') {
    throw new Error(`REQUIRE_CHROMIUM=1 but there is no browser at ${candidate}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  console.warn(`[tests] no chromium at ${candidate}: skipping the admin page browser test (apt-get install -y chromium to run it)`);
  return undefined;
}

/** Root (CI containers) cannot use Chromium's sandbox; everyone else keeps it. */
export const CHROMIUM_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
