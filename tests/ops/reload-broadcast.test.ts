import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReloadBus } from '../../src/core/ports.ts';
import { withReloadBroadcast } from '../../src/ops/reload-broadcast.ts';
import { createRedisReloadBus } from '../../src/stores/redis-reload-bus.ts';
import { captureLogger } from './fakes.ts';
import { fakeDesk, okReload } from '../support/fake-desk.ts';
import { hasRedisServer, TestRedis } from './redis-server.ts';

/** An in-process bus: every subscriber hears every message, like Redis pub/sub. */
function memoryBus(hub: ((m: string) => void)[]): ReloadBus {
  return {
    publish: async (message) => {
      for (const listener of hub) listener(message);
    },
    subscribe: async (onMessage) => void hub.push(onMessage),
    close: async () => undefined,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('reload broadcast', () => {
  it('a successful reload on one replica reloads the others once; failures and echoes are not broadcast', async () => {
    const hub: ((m: string) => void)[] = [];
    const { logger } = captureLogger();
    let failNext = false;
    const innerA = fakeDesk({ reloadResult: (t) => okReload(t, { ok: !failNext }) });
    const innerB = fakeDesk();
    const innerC = fakeDesk();
    const a = withReloadBroadcast(innerA, memoryBus(hub), { logger, instanceId: 'a' });
    const b = withReloadBroadcast(innerB, memoryBus(hub), { logger, instanceId: 'b' });
    const c = withReloadBroadcast(innerC, memoryBus(hub), { logger, instanceId: 'c' });
    await Promise.all([a.start(), b.start(), c.start()]);

    await a.reload('slack:U1');
    await settle();
    expect(innerA.reloads).toEqual(['slack:U1']);
    expect(innerB.reloads).toEqual(['broadcast:a']);
    expect(innerC.reloads).toEqual(['broadcast:a']);

    failNext = true;
    await a.reload('http');
    await settle();
    expect(innerB.reloads).toHaveLength(1); // a failed reload is not announced

    // Whatever else lands on the channel is ignored, never thrown inside the Redis listener.
    for (const junk of ['not json', 'null', '42', '"text"', '{"origin":7}', '[]']) {
      expect(() => {
        for (const listener of hub) listener(junk);
      }).not.toThrow();
    }
    await settle();
    expect(innerC.reloads).toHaveLength(1);
  });

  it('keeps the local result when the bus is down', async () => {
    const { logger, lines } = captureLogger();
    const bus: ReloadBus = { publish: () => Promise.reject(new Error('ECONNREFUSED')), subscribe: async () => undefined, close: async () => undefined };
    const desk = withReloadBroadcast(fakeDesk(), bus, { logger });
    const result = await desk.reload('sighup');
    expect(result.ok).toBe(true);
    expect(lines.some((l) => String(l.msg).includes('could not be broadcast'))).toBe(true);
  });

  describe.runIf(hasRedisServer())('over Redis pub/sub', () => {
    let server: TestRedis;
    beforeAll(async () => {
      server = await TestRedis.start();
    });
    afterAll(async () => server?.destroy());

    it('delivers a reload from replica A to replica B, and again after Redis restarts', async () => {
      const { logger } = captureLogger();
      const busA = createRedisReloadBus({ url: server.url, channel: 't:reload' });
      const busB = createRedisReloadBus({ url: server.url, channel: 't:reload' });
      const innerB = fakeDesk();
      const a = withReloadBroadcast(fakeDesk(), busA, { logger, instanceId: 'a' });
      const b = withReloadBroadcast(innerB, busB, { logger, instanceId: 'b' });
      await Promise.all([a.start(), b.start()]);
      const waitFor = async (count: number, tries = 200) => {
        for (let i = 0; i < tries && innerB.reloads.length < count; i++) await new Promise((r) => setTimeout(r, 25));
        return innerB.reloads.length;
      };
      await a.reload('http');
      expect(await waitFor(1)).toBe(1);

      await server.stop();
      await server.restart();
      // ioredis reconnects and re-subscribes by itself; retry publishing until B hears it.
      for (let i = 0; i < 40 && innerB.reloads.length < 2; i++) {
        await a.reload('sighup');
        await waitFor(2, 8);
      }
      expect(innerB.reloads.at(-1)).toBe('broadcast:a');
      await Promise.all([busA.close(), busB.close()]);
    });
  });
});
