import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core/', import.meta.url).pathname;
/** Packages the core must not know about. */
const FORBIDDEN_PACKAGES = [/^@slack\//, /^discord\.js/, /^@discordjs\//, /^ioredis/, /^pino/, /^prom-client/];

/** A relative import is allowed only if it resolves inside src/core (wherever the importing file is). */
function violation(file: string, spec: string): boolean {
  if (spec.startsWith('.')) return !path.resolve(path.dirname(file), spec).startsWith(CORE);
  return FORBIDDEN_PACKAGES.some((rule) => rule.test(spec));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js|mts)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier: static imports/exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

describe('architecture', () => {
  it('src/core imports nothing outside src/core but plain libraries: no platform SDK, Redis, logger, adapter or ops code', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(10);
    const violations = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((spec) => violation(file, spec))
        .map((spec) => `${path.relative(CORE, file)} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('the checker itself catches forbidden imports from any depth', () => {
    const desk = path.join(CORE, 'desk.ts');
    const nested = path.join(CORE, 'answer', 'compose.ts');
    expect(violation(desk, '../ops/config.ts')).toBe(true);
    expect(violation(nested, '../../stores/memory-store.ts')).toBe(true);
    expect(violation(nested, '../../adapters/slack/index.ts')).toBe(true);
    expect(violation(nested, '../knowledge/schema.ts')).toBe(false);
    expect(violation(desk, './ports.ts')).toBe(false);
    expect(violation(desk, '@slack/bolt')).toBe(true);
    expect(violation(desk, 'minisearch')).toBe(false);
    const sample = "import { App } from '@slack/bolt';\nconst d = await import('discord.js');\nimport x from '../adapters/slack/index.ts';";
    expect(specifiers(sample).filter((s) => violation(desk, s))).toHaveLength(3);
  });

  it('src/stores and src/ops never import each other (ports live in src/core/ports.ts)', () => {
    const SRC = new URL('../../src/', import.meta.url).pathname;
    const crossing = (from: string, to: string) =>
      sourceFiles(path.join(SRC, from)).flatMap((file) =>
        specifiers(readFileSync(file, 'utf8'))
          .filter((spec) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(SRC, to)))
          .map((spec) => `${path.relative(SRC, file)} imports ${spec}`),
      );
    expect([...crossing('stores', 'ops'), ...crossing('ops', 'stores')]).toEqual([]);
  });
});
