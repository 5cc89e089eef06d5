/** The Flow engineer's shared Store contract, run against RedisStore on a real redis-server. */
import { afterAll, beforeAll, describe } from 'vitest';
import { RedisStore } from '../../src/stores/redis-store.ts';
import { runStoreContract } from '../stores/store-contract.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

describe.runIf(hasRedisServer())('RedisStore', () => {
  let server: TestRedis;
  let n = 0;
  beforeAll(async () => {
    server = await TestRedis.start();
  });
  afterAll(async () => server?.destroy());

  // A key prefix per store: each test sees an empty report, as with a fresh MemoryStore.
  runStoreContract('RedisStore', async (options) => {
    const store = new RedisStore({ url: server.url, keyPrefix: `contract-${n++}:`, ...options });
    if (!(await store.connect(5_000))) throw new Error('test redis-server not reachable');
    return store;
  });
});
