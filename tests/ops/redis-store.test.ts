import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/core/ports.ts';
import { RedisStore } from '../../src/stores/redis-store.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

describe.runIf(hasRedisServer())('RedisStore against a real redis-server', () => {
  let server: TestRedis;
  const failures: string[] = [];
  let store: RedisStore;

  beforeAll(async () => {
    server = await TestRedis.start();
    store = new RedisStore({ url: server.url, keyPrefix: 'unit:', onFailure: (op) => failures.push(op) });
    expect(await store.connect()).toBe(true);
  });
  afterAll(async () => {
    await store?.close();
    await server?.destroy();
  });

  it('keeps sessions with a TTL and deletes them', async () => {
    await store.setSession('flow:a', '{"x":1}', 200);
    expect(await store.getSession('flow:a')).toBe('{"x":1}');
    const ttl = await store.redis.pttl('unit:s:flow:a');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(200);
    await store.deleteSession('flow:a');
    expect(await store.getSession('flow:a')).toBeUndefined();
  });

  it('claims a key once across two connections (SET NX PX)', async () => {
    const other = new RedisStore({ url: server.url, keyPrefix: 'unit:' });
    await other.connect();
    const results = await Promise.all([store.claimOnce('evt-1', 60_000), other.claimOnce('evt-1', 60_000), store.claimOnce('evt-1', 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await other.close();
  });

  it('rate-limits in a fixed window that always expires', async () => {
    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push(await store.allowRate('u1', 3, 300));
    expect(allowed).toEqual([true, true, true, false, false]);
    expect(await store.redis.pttl('unit:rate:u1')).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 350));
    expect(await store.allowRate('u1', 3, 300)).toBe(true);
  });

  it('reports the most declined and most down-voted questions', async () => {
    for (const q of ['What about JAX?', 'what about   jax?', 'Weather today?', 'What about JAX?']) await store.recordDeclined(q);
    const base = { question: 'Is TF faster?', chunkIds: ['a#b'], platform: 'slack' as const, userId: 'U1', at: 0 };
    await store.recordFeedback({ ...base, vote: 'down' });
    await store.recordFeedback({ ...base, vote: 'down' });
    await store.recordFeedback({ ...base, vote: 'up' });
    await store.recordFeedback({ ...base, question: 'Only liked', vote: 'up' });
    const report = await store.report(5);
    expect(report.unanswered[0]).toEqual({ question: 'What about JAX?', count: 3, suggested: [] });
    expect(report.unanswered[1]?.count).toBe(1);
    expect(report.downvoted).toEqual([{ question: 'Is TF faster?', down: 2, up: 1, chunkIds: ['a#b'] }]);
  });

  it('bounds the declined and the voted-on questions it keeps', async () => {
    const small = new RedisStore({ url: server.url, keyPrefix: 'bounded:', maxReported: 3 });
    await small.connect();
    await small.recordDeclined('popular');
    await small.recordDeclined('popular');
    for (let i = 0; i < 6; i++) await small.recordDeclined(`one-off ${i}`);
    expect(await small.redis.zcard('bounded:declined')).toBeLessThanOrEqual(3);
    expect(await small.redis.hlen('bounded:declined-text')).toBeLessThanOrEqual(3);
    expect(await small.redis.hlen('bounded:declined-suggested')).toBeLessThanOrEqual(3);
    expect((await small.report(1)).unanswered[0]?.question).toBe('popular');
    const vote = { chunkIds: ['a#b'], platform: 'slack' as const, userId: 'U1', vote: 'down' as const };
    for (let i = 0; i < 8; i++) await small.recordFeedback({ ...vote, question: `voted ${i}`, at: 1_000 + i });
    expect(await small.redis.zcard('bounded:fb-recent')).toBe(3);
    expect(await small.redis.zcard('bounded:fb-down')).toBe(3);
    expect(await small.redis.keys('bounded:fb:*')).toHaveLength(3);
    expect((await small.report(10)).downvoted.map((d) => d.question).sort()).toEqual(['voted 5', 'voted 6', 'voted 7']);
    await small.close();
  });

  it('reads a corrupt stored vote as no chunk ids, and reports an outage as "unreachable"', async () => {
    await store.recordFeedback({ question: 'Corrupt?', chunkIds: ['x#y'], platform: 'slack', userId: 'U1', at: 5, vote: 'down' });
    await store.redis.hset('unit:fb:corrupt?', 'chunkIds', '{not json');
    expect((await store.report(10)).downvoted.find((d) => d.question === 'Corrupt?')).toMatchObject({ chunkIds: [] });
  });

  it('keeps follow-up turns with a TTL, and caps the conversations it remembers in one sorted set', async () => {
    const capped = new RedisStore({ url: server.url, keyPrefix: 'conv-unit:', maxConversations: 2 });
    await capped.connect();
    for (const key of ['slack:T1:C1:1.1', 'slack:T1:C1:2.2', 'discord:9']) await capped.setConversation(key, '{"v":1}', 5_000);
    const ttl = await capped.redis.pttl('conv-unit:conv:discord:9');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
    expect(await capped.redis.zcard('conv-unit:conv-recent')).toBe(2);
    expect(await capped.redis.exists('conv-unit:conv:slack:T1:C1:1.1')).toBe(0);
    await capped.close();
  });

  it('fails open while Redis is down and recovers when it is back', async () => {
    await server.stop();
    failures.length = 0;
    const started = performance.now();
    expect(await store.claimOnce('evt-down', 1000)).toBe(true);
    expect(await store.allowRate('u-down', 1, 1000)).toBe(true);
    await store.recordDeclined('asked while down');
    await store.setSession('answer:x', '{}', 1000);
    await expect(store.getSession('flow:x')).rejects.toBeInstanceOf(StoreUnavailableError);
    const outageMs = performance.now() - started;
    await expect(store.report(5)).rejects.toBeInstanceOf(StoreUnavailableError);
    // Follow-up state fails open: the message is then read as a question of its own, still answered.
    await store.setConversation('slack:T1:C1:1.1', '{"v":1}', 1000);
    expect(await store.getConversation('slack:T1:C1:1.1')).toBeUndefined();
    expect(failures).toEqual(expect.arrayContaining(['setConversation', 'getConversation']));
    expect(outageMs).toBeLessThan(3000);
    expect(failures).toEqual(expect.arrayContaining(['claimOnce', 'allowRate', 'recordDeclined', 'setSession', 'getSession']));

    await server.restart();
    const restarted = performance.now();
    const deadline = Date.now() + 8000;
    while (store.redis.status !== 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(store.redis.status).toBe('ready');
    console.info(
      `[redis-outage] 5 store calls with Redis down answered in ${outageMs.toFixed(1)} ms (fail-open/fail-fast); ` +
        `reconnected ${Math.round(performance.now() - restarted)} ms after redis-server came back`,
    );
    await store.setSession('flow:back', 'ok', 1000);
    expect(await store.getSession('flow:back')).toBe('ok');
  });
});
