/**
 * The Node flags of `src/ops/runtime-flags.ts` must reach every bot process (`npm start`, the Docker
 * image, Discord shard children) and the benchmark, or the benchmark measures a runtime nobody runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiscordShardsAdapter } from '../../src/ops/discord-shards.ts';
import { NODE_RUNTIME_FLAGS } from '../../src/ops/runtime-flags.ts';
import { captureLogger } from './fakes.ts';

const root = new URL('../../', import.meta.url);
const scripts = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts;
const withFlags = (file: string) => ['node', ...NODE_RUNTIME_FLAGS, '--import', 'tsx', file].join(' ');

describe('Node runtime flags', () => {
  it('are set on a real flag of this Node version', () => {
    expect(NODE_RUNTIME_FLAGS.length).toBeGreaterThan(0);
    for (const flag of NODE_RUNTIME_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0]!)).toBe(true);
  });

  it('are used by npm start (compiled, through scripts/run-built.mjs), npm run dev and npm run bench', () => {
    expect(scripts.start).toBe(['node', ...NODE_RUNTIME_FLAGS, 'scripts/run-built.mjs', 'main'].join(' '));
    expect(scripts.dev).toBe(withFlags('src/main.ts'));
    expect(scripts.bench).toBe(withFlags('bench/run.ts'));
  });

  it('are passed to Discord shard children', () => {
    const adapter = new DiscordShardsAdapter({ token: 'test-token-abcdefghijklmnopqrstuvwxyz', shards: 2, logger: captureLogger().logger });
    // createShard only builds the Shard (spawn() would start it); its execArgv is what the child gets.
    expect(adapter.manager.createShard(0).execArgv).toEqual([...NODE_RUNTIME_FLAGS, '--import', 'tsx']);
  });
});
