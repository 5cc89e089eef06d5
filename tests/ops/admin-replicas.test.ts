/**
 * The admin page across replicas sharing a real redis-server: what users asked on one replica shows on
 * another's pages, and a session signed in on one is valid on the other (the Store holds sessions), so a
 * load balancer may send each admin request anywhere.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk } from '../../src/core/ports.ts';
import { createOpsServer, type OpsServer } from '../../src/ops/http-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { RedisStore } from '../../src/stores/redis-store.ts';
import { AdminClient, csrfOf } from './admin-client.ts';
import { captureLogger } from './fakes.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

const TOKEN = 'replica-admin-token-0123456789';
const KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;

describe.runIf(hasRedisServer())('admin page with Redis, two replicas', () => {
  let redis: TestRedis;
  let kbDir: string;
  const replicas: { desk: Desk; server: OpsServer; store: RedisStore; base: string }[] = [];

  beforeAll(async () => {
    redis = await TestRedis.start();
    kbDir = mkdtempSync(join(tmpdir(), 'fdesk-admin-replicas-'));
    cpSync(KNOWLEDGE, kbDir, { recursive: true });
    for (let i = 0; i < 2; i++) {
      const store = new RedisStore({ url: redis.url, keyPrefix: 'admin-replicas:' });
      await store.connect();
      const desk = await createDesk({ knowledgeDir: kbDir, store });
      const server = createOpsServer({ desk, adapters: [], metrics: createMetrics({ defaultMetrics: false }), logger: captureLogger().logger, adminToken: TOKEN, store });
      replicas.push({ desk, server, store, base: `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}` });
    }
  });

  afterAll(async () => {
    for (const replica of replicas) {
      await replica.server.close(100);
      await replica.store.close();
    }
    await redis?.destroy();
    rmSync(kbDir, { recursive: true, force: true });
  });

  it('shows questions and votes from every replica, and a session from one is valid on the other', async () => {
    const [a, b] = replicas;
    if (!a || !b) throw new Error('two replicas expected');
    const who = { platform: 'slack' as const, userId: 'U1', conversation: 'C1' };
    await a.desk.ask('How do I bake sourdough bread on replica A?', who);
    const answer = await b.desk.ask('Which framework is better for research?', who);
    expect(await b.desk.recordFeedback(answer.id ?? '', 'down', who)).toBe('recorded');

    const admin = new AdminClient(a.base);
    expect((await admin.signIn(TOKEN)).status).toBe(303);
    const onB = new AdminClient(b.base);
    onB.cookies.set('fdesk_admin', admin.cookies.get('fdesk_admin') ?? '');
    const gaps = await onB.get('/admin/gaps');
    expect(gaps.status).toBe(200);
    expect(gaps.text).toContain('How do I bake sourdough bread on replica A?');
    expect((await admin.get('/admin/feedback')).text).toContain('<h2>Which framework is better for research?</h2>');
    // Signing out on B ends the session on A too.
    expect((await onB.post('/admin/sign-out', { csrf: csrfOf(gaps.text) })).status).toBe(303);
    expect((await admin.get('/admin/gaps')).status).toBe(303);
  });

  it('answers 503 with a readable page, not a crash, while Redis is down', async () => {
    const [a] = replicas;
    if (!a) throw new Error('a replica expected');
    const admin = new AdminClient(a.base);
    await admin.signIn(TOKEN);
    await redis.stop();
    try {
      const res = await admin.get('/admin/gaps');
      expect(res.status).toBe(503);
      expect(res.text).toContain('The shared session store is unreachable right now');
    } finally {
      await redis.restart();
    }
  });
});
