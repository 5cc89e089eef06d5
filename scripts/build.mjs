/**
 * `npm run build`: compiles `src/` to `dist/` with tsc (tsconfig.build.json), copies the files the code
 * reads beside itself (word lists, stylesheets — everything under src/ that is not TypeScript), and
 * writes `dist/.build-stamp`, dated when the build started, so `scripts/run-built.mjs` can tell an
 * up-to-date `dist/` from a stale one (a source saved during the build counts as newer).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = path.join(ROOT, 'src');
// `--out <dir>` builds elsewhere (the build test does, so it never disturbs the repository's dist/).
const outFlag = process.argv.indexOf('--out');
const DIST = outFlag > 0 && process.argv[outFlag + 1] ? path.resolve(process.argv[outFlag + 1]) : path.join(ROOT, 'dist');
const started = new Date();

// A clean dist/: a deleted source must not live on as its old compiled file.
rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', DIST], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build failed: tsc reported errors (above) — fix them and run `npm run build` again');
  process.exit(1);
}
let assets = 0;
for (const entry of readdirSync(SRC, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = path.join(entry.parentPath, entry.name);
  const to = path.join(DIST, path.relative(SRC, from));
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
  assets += 1;
}
const stamp = path.join(DIST, '.build-stamp');
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
console.log(`built ${path.relative(ROOT, DIST) || DIST} in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s (${assets} asset files copied)`);
