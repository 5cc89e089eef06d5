/**
 * Where the third-party specs live: `<repository root>/../shared/specs`, the root found from this file's
 * location (not the working directory, not an absolute path), so any checkout works. A missing file
 * fails with the path it expected and what to do.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root: two folders up from tests/support/. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of `relative` inside ../shared/specs; throws a readable error when it is not there. */
export function sharedSpecPath(relative: string): string {
  const path = fileURLToPath(new URL(`../shared/specs/${relative}`, `file://${REPO_ROOT}`));
  if (!existsSync(path)) {
    throw new Error(
      `spec file not found: expected ${path} (../shared/specs/${relative} beside the repository root ${REPO_ROOT}) — check out the shared specs folder next to this repository`,
    );
  }
  return path;
}
