import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core/', import.meta.url).pathname;
const FORBIDDEN = [/^@slack\//, /^discord\.js/, /^@discordjs\//, /^ioredis/, /(^|\/)adapters(\/|$)/, /^\.\.\/\.\.\/(ops|stores|cli)\//];

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
  it('src/core never imports platform SDKs, Redis or adapters', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(10);
    const violations = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)))
        .map((spec) => `${path.relative(CORE, file)} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('the checker itself catches a forbidden import', () => {
    const sample = "import { App } from '@slack/bolt';\nconst d = await import('discord.js');\nimport x from '../adapters/slack/index.ts';";
    expect(specifiers(sample).filter((s) => FORBIDDEN.some((r) => r.test(s)))).toHaveLength(3);
  });
});
