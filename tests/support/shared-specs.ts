/**
 * Where the third-party specs live: `<repository root>/../shared/specs`, the root found from this file's
 * location (not the working directory, not an absolute path), so any checkout works. A clone of a local
 * checkout (`git clone ~/work/main /tmp/ci/p`, as CI does) has no shared folder beside it: then the one
 * beside the checkout it was cloned from (`remote.origin.url`) is used. A missing file fails with the
 * paths it tried and what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two folders up from tests/support/. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The local checkout this one was cloned from, if its origin is a folder on this machine. */
function originCheckout(): string | undefined {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const local = url.startsWith('file://') ? fileURLToPath(url) : url;
    return local && !/^[\w+.-]+:\/\/|^[^/]+@[^:]+:/.test(local) && existsSync(local) ? path.resolve(REPO_ROOT, local) : undefined;
  } catch {
    return undefined;
  }
}

let roots: string[] | undefined;

/** The folders `../shared` is looked for beside: this repository, then the checkout it was cloned from. */
function candidateRoots(): string[] {
  roots ??= [REPO_ROOT, originCheckout()].filter((root): root is string => root !== undefined);
  return roots;
}

/** Absolute path of `relative` inside ../shared/specs; throws a readable error when it is not there. */
export function sharedSpecPath(relative: string): string {
  const tried = candidateRoots().map((root) => path.resolve(root, '..', 'shared', 'specs', relative));
  const found = tried.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new Error(
    `spec file not found: tried ${tried.join(', ')} (../shared/specs/${relative} beside the repository root) — check out the shared specs folder next to this repository`,
  );
}
