/**
 * How `npm start`, `npm run ask` and `npm run choose` start: the compiled JavaScript in `dist/` when it is
 * up to date with `src/`, else the TypeScript sources through tsx. So a fresh clone answers after
 * `npm ci` alone, `npm run build` makes every start fast, and an edit to `src/` is never answered by
 * stale compiled code (a stale `dist/` is said on stderr; stdout stays the CLI's own).
 *
 *   node scripts/run-built.mjs <entry> [args…]     entry: a path under src/ without extension, e.g. cli/ask
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Written by `scripts/build.mjs`; its mtime is when the build started. */
export const BUILD_STAMP = path.join(ROOT, 'dist', '.build-stamp');
/** Besides src/, what changes the compiled output. */
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time (ms) of any file under `root`/src, or of the build inputs. */
function newestInput(root) {
  let newest = 0;
  for (const entry of readdirSync(path.join(root, 'src'), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  for (const file of BUILD_INPUTS) if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

/** `built` (dist/ matches src/), `missing` (never built) or `stale` (a source changed since). */
export function buildState(root = ROOT) {
  const stamp = path.join(root, 'dist', '.build-stamp');
  if (!existsSync(stamp)) return 'missing';
  // An image ships dist/ without src/: nothing to be stale against.
  if (!existsSync(path.join(root, 'src'))) return 'built';
  return newestInput(root) > statSync(stamp).mtimeMs ? 'stale' : 'built';
}

async function main() {
  const entry = process.argv[2];
  if (!entry || entry.startsWith('-')) {
    console.error('usage: node scripts/run-built.mjs <entry under src/, e.g. cli/ask> [args…]');
    process.exit(2);
  }
  // The CLI reads its own arguments from argv[2] on, as if it had been started directly.
  process.argv.splice(2, 1);
  const state = buildState();
  if (state === 'built') {
    await import(pathToFileURL(path.join(ROOT, 'dist', `${entry}.js`)).href);
    return;
  }
  if (state === 'stale') process.stderr.write('(dist/ is older than src/: running the TypeScript sources — `npm run build` for the fast start)\n');
  await import('tsx');
  await import(pathToFileURL(path.join(ROOT, 'src', `${entry}.ts`)).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
