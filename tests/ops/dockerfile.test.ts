/**
 * No Docker engine runs here, so the Dockerfile is checked for consistency instead: everything it copies
 * exists, it compiles with `npm run build` and runs the compiled `dist/main.js` (which that build writes)
 * on production dependencies only, as non-root with a health check, and the port matches the config default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/ops/config.ts';
import { NODE_RUNTIME_FLAGS } from '../../src/ops/runtime-flags.ts';

const root = new URL('../../', import.meta.url);
const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
/** Instructions with line continuations joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('Dockerfile', () => {
  it('is multi-stage on one maintained Node LTS slim image (24: LTS until April 2028; 20 is past its end of life)', () => {
    const stages = instructions.filter((line) => line.startsWith('FROM '));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const images = new Set(stages.map((stage) => /^FROM (\S+)/.exec(stage)?.[1]));
    expect([...images]).toEqual(['node:24-slim']);
  });

  it('copies only files that exist and that .dockerignore does not exclude', () => {
    const ignored = readFileSync(new URL('.dockerignore', root), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const copies = instructions.filter((line) => line.startsWith('COPY ') && !line.includes('--from='));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const parts = copy
        .split(/\s+/)
        .slice(1)
        .filter((p) => !p.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        expect(existsSync(new URL(source, root)), `${source} (copied by the Dockerfile) must exist`).toBe(true);
        expect(ignored, `${source} must not be excluded by .dockerignore`).not.toContain(source);
      }
    }
    expect(dockerfile).toMatch(/COPY knowledge \.\/knowledge/);
  });

  it('compiles in a build stage and ships production dependencies only', () => {
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    // The compiler is a build tool, not something the image runs.
    expect(packageJson.devDependencies.typescript).toBeDefined();
  });

  it('starts the compiled entry of a real source, as a non-root user, with a health check on /healthz', () => {
    const cmd = instructions.filter((line) => line.startsWith('CMD ')).at(-1);
    const args = JSON.parse(cmd!.slice(4)) as string[];
    // Compiled JavaScript: no tsx at run time.
    expect(args.slice(0, -1)).toEqual(['node', ...NODE_RUNTIME_FLAGS]);
    const entry = args.at(-1)!;
    expect(entry).toMatch(/^dist\/.+\.js$/);
    expect(existsSync(new URL(entry.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'), root)), `${entry} is compiled from a source that exists`).toBe(true);
    const user = instructions.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(instructions.find((line) => line.startsWith('HEALTHCHECK '))).toContain('/healthz');
  });

  it('exposes the port the config defaults to, and points KNOWLEDGE_DIR at the baked-in base', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const exposed = instructions.find((line) => line.startsWith('EXPOSE '));
    expect(exposed).toBe(`EXPOSE ${result.config.env.PORT}`);
    expect(dockerfile).toMatch(new RegExp(`PORT=${result.config.env.PORT}\\b`));
    expect(dockerfile).toMatch(/KNOWLEDGE_DIR=\/app\/knowledge/);
  });
});
