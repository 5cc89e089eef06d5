/**
 * `engines.node` is the real floor: for each Node major it allows, the lowest version that every installed
 * package (runtime and dev tools) accepts — no lower (npm would install packages that cannot run), no
 * higher (it would refuse versions that work). The engine ranges in node_modules use a handful of forms
 * (`>=x.y.z`, `^x.y.z`, `a || b`, `*`, `v` and `.x`), which `minimumIn` reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];
const ROOT = new URL('../../', import.meta.url).pathname;

function parseVersion(text: string): Version {
  const [a = 0, b = 0, c = 0] = text
    .replace(/^v/, '')
    .split('.')
    .map((part) => (part === 'x' ? 0 : Number(part)));
  return [a, b, c];
}
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The lowest version of Node `major` that `range` accepts, or undefined when it accepts none. */
function minimumIn(range: string, major: number): Version | undefined {
  const found = range.split('||').flatMap((alternative): Version[] => {
    const text = alternative.trim().replace(/\s+/g, '');
    if (text === '*' || text === '') return [[major, 0, 0]];
    const from = parseVersion(text.replace(/^(>=|\^)/, ''));
    if (text.startsWith('^')) return from[0] === major ? [from] : [];
    if (!text.startsWith('>=')) throw new Error(`engine range form not understood: "${range}" — extend minimumIn`);
    if (from[0] > major) return [];
    return [from[0] < major ? [major, 0, 0] : from];
  });
  return found.sort(compare)[0];
}

/** Every installed package's `engines.node`, nested node_modules included. */
function installedRanges(dir = path.join(ROOT, 'node_modules'), out: { name: string; range: string }[] = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      installedRanges(full, out);
      continue;
    }
    try {
      const pkg = JSON.parse(readFileSync(path.join(full, 'package.json'), 'utf8')) as { name?: string; engines?: { node?: unknown } };
      if (typeof pkg.engines?.node === 'string') out.push({ name: pkg.name ?? entry.name, range: pkg.engines.node });
    } catch {
      // A folder without a readable package.json is not a package.
    }
    if (readdirSync(full).includes('node_modules')) installedRanges(path.join(full, 'node_modules'), out);
  }
  return out;
}

const ours = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const deps = installedRanges().filter((d) => d.name !== 'framework-desk');

describe('engines.node', () => {
  it.each([20, 22, 24])('on Node %i it starts exactly where every installed package starts working', (major) => {
    const floors = deps.map((d) => ({ ...d, min: minimumIn(d.range, major) }));
    const refusing = floors.filter((d) => d.min === undefined).map((d) => `${d.name} (${d.range})`);
    expect(refusing, `packages that refuse every Node ${major}`).toEqual([]);
    const needed = floors
      .map((d) => d.min as Version)
      .sort(compare)
      .at(-1);
    expect(minimumIn(ours, major)?.join('.')).toBe(needed?.join('.'));
  });

  it('allows the Node version running these tests', () => {
    const running = parseVersion(process.versions.node);
    const min = minimumIn(ours, running[0]);
    expect(min && compare(running, min) >= 0, `Node ${process.versions.node} vs engines "${ours}"`).toBe(true);
  });
});
