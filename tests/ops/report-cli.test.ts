import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/stores/redis-store.ts';
import { startBot } from './process.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

describe('npm run report', () => {
  it('without REDIS_URL explains where the in-memory data lives and exits 1', async () => {
    const run = startBot({}, 'src/cli/report.ts');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/No REDIS_URL set/);
    expect(run.stderr()).toMatch(/admin report command/);
  });

  it('rejects a bad --limit with a usage hint', async () => {
    const run = startBot({}, 'src/cli/report.ts', ['--limit', 'lots']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/--limit must be a whole number/);
  });

  describe.runIf(hasRedisServer())('with Redis', () => {
    let server: TestRedis;
    beforeAll(async () => {
      server = await TestRedis.start();
      const store = new RedisStore({ url: server.url, keyPrefix: 'rep:' });
      await store.connect();
      for (const q of ['Does JAX beat both?', 'does jax beat both?', 'What about MXNet?']) await store.recordDeclined(q);
      await store.recordFeedback({ vote: 'down', question: 'Is TF faster?', chunkIds: ['seed#speed'], platform: 'slack', userId: 'U1', at: 0 });
      await store.recordDeclined('What does server 42 ask?', [], 'discord:424242424242');
      await store.close();
    });
    afterAll(async () => server?.destroy());

    it('prints the most asked unanswered and most down-voted questions', async () => {
      const run = startBot({ REDIS_URL: server.url, REDIS_KEY_PREFIX: 'rep:' }, 'src/cli/report.ts');
      expect(await run.exited).toBe(0);
      expect(run.stdout()).toContain('1. "Does JAX beat both?" — asked 2 times');
      expect(run.stdout()).toContain('"Is TF faster?" — 👎 1 / 👍 0 — cited seed#speed');
    });

    it('prints one workspace’s report with --workspace, and only it', async () => {
      const run = startBot({ REDIS_URL: server.url, REDIS_KEY_PREFIX: 'rep:' }, 'src/cli/report.ts', ['--workspace', 'discord:424242424242']);
      expect(await run.exited).toBe(0);
      expect(run.stdout()).toContain('"What does server 42 ask?"');
      expect(run.stdout()).not.toContain('JAX');
      const bad = startBot({ REDIS_URL: server.url }, 'src/cli/report.ts', ['--workspace', 'everyone']);
      expect(await bad.exited).toBe(2);
      expect(bad.stderr()).toMatch(/--workspace must be slack:<team id> or discord:<server id>/);
    });

    it('prints JSON with --json and honours --limit', async () => {
      const run = startBot({ REDIS_URL: server.url, REDIS_KEY_PREFIX: 'rep:' }, 'src/cli/report.ts', ['--json', '--limit', '1']);
      expect(await run.exited).toBe(0);
      const report = JSON.parse(run.stdout()) as { unanswered: unknown[]; downvoted: unknown[] };
      expect(report.unanswered).toEqual([{ question: 'Does JAX beat both?', count: 2, suggested: [] }]);
      expect(report.downvoted).toHaveLength(1);
    });

    it('says plainly when Redis cannot be reached', async () => {
      const run = startBot({ REDIS_URL: 'redis://127.0.0.1:1' }, 'src/cli/report.ts');
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    });
  });
});
