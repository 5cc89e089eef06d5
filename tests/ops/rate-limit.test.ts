/**
 * Per-user rate limits as configured by ops (RATE_LIMIT_PER_MINUTE → Desk rateLimit): a flooding user
 * gets the friendly "slow down" reply, other users are answered as usual, and with Redis the budget is
 * shared by every replica (a user cannot multiply it by hitting several).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { RedisStore } from '../../src/stores/redis-store.ts';
import { loadConfig } from '../../src/ops/config.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

const KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;
const QUESTION = 'Which framework is better for mobile deployment?';
const flooder = { platform: 'slack' as const, userId: 'U-FLOOD', conversation: 'C1' };
const other = { platform: 'slack' as const, userId: 'U-CALM', conversation: 'C1' };

function rateLimitFromEnv(perMinute: string) {
  const loaded = loadConfig({ RATE_LIMIT_PER_MINUTE: perMinute });
  if (!loaded.ok || !loaded.config.rateLimit) throw new Error('expected a rate limit');
  return loaded.config.rateLimit;
}

describe('per-user rate limit', () => {
  it('slows down a flooding user with a friendly reply while others are answered', async () => {
    const desk = await createDesk({ knowledgeDir: KNOWLEDGE, store: new MemoryStore(), rateLimit: rateLimitFromEnv('5') });
    const flood = await Promise.all(Array.from({ length: 300 }, () => desk.ask(QUESTION, flooder)));
    expect(flood.filter((a) => a.answered)).toHaveLength(5);
    const limited = flood.filter((a) => a.declineReason === 'rate_limited');
    expect(limited).toHaveLength(295);
    expect(limited[0]!.lead).toMatch(/try again/i);
    // Told once per window; the other 294 are quiet, so chat adapters do not answer a flood with one.
    expect(limited.filter((a) => !a.quiet)).toHaveLength(1);
    const started = performance.now();
    const calm = await desk.ask(QUESTION, other);
    expect(calm.answered).toBe(true);
    expect(performance.now() - started).toBeLessThan(100);
  });

  describe.runIf(hasRedisServer())('with Redis', () => {
    let server: TestRedis;
    beforeAll(async () => {
      server = await TestRedis.start();
    });
    afterAll(async () => server?.destroy());

    it('shares one budget per user across replicas', async () => {
      const stores = [new RedisStore({ url: server.url, keyPrefix: 'rl:' }), new RedisStore({ url: server.url, keyPrefix: 'rl:' })];
      await Promise.all(stores.map((s) => s.connect()));
      const [a, b] = await Promise.all(stores.map((store) => createDesk({ knowledgeDir: KNOWLEDGE, store, rateLimit: rateLimitFromEnv('6') })));
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).ask(QUESTION, flooder)));
      expect(answers.filter((x) => x.answered)).toHaveLength(6);
      expect((await b!.ask(QUESTION, other)).answered).toBe(true);
      await Promise.all(stores.map((s) => s.close()));
    });
  });
});
