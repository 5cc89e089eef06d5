/**
 * Readiness that tells the truth: after SIGTERM /readyz answers 503 for SHUTDOWN_DRAIN_MS while the port
 * still serves (then it closes); a store outage is reported in /readyz's body and `fdesk_store_up`
 * without taking the replica out of the balancer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/ops/app.ts';
import { loadConfig } from '../../src/ops/config.ts';
import { createOpsServer, type OpsServer } from '../../src/ops/http-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { openStore } from '../../src/stores/open-store.ts';
import { SIGNING_SECRET } from '../slack/signing.ts';
import { SlackStandIn } from '../slack/standin.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { fakeDesk } from '../support/fake-desk.ts';
import { captureLogger, fakeAdapter } from './fakes.ts';
import { freePort } from './redis-server.ts';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close(100);
  server = undefined;
});

describe('readiness', () => {
  it('reports a store outage in /readyz and fdesk_store_up, and stays ready (questions are still answered)', async () => {
    const health = { kind: 'redis' as const, up: true };
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.watchStore(() => health);
    server = createOpsServer({
      desk: fakeDesk(),
      store: Object.assign(new MemoryStore(), { health: () => health }),
      adapters: [fakeAdapter('slack')],
      metrics,
      logger: captureLogger().logger,
    });
    const port = await server.listen(0, '127.0.0.1');
    const readyz = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      return { status: res.status, body: (await res.json()) as { degraded: boolean; store: unknown } };
    };
    const storeUp = async () => /fdesk_store_up\{kind="redis"\} (\d)/.exec(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())?.[1];
    expect(await readyz()).toMatchObject({ status: 200, body: { degraded: false, store: { kind: 'redis', up: true } } });
    expect(await storeUp()).toBe('1');
    health.up = false;
    expect(await readyz()).toMatchObject({ status: 200, body: { degraded: true, store: { kind: 'redis', up: false } } });
    expect(await storeUp()).toBe('0');
  });

  it('on shutdown answers /readyz 503 for the drain period while still serving, then closes the port', async () => {
    const slack = await new SlackStandIn().start();
    const port = await freePort();
    const loaded = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-drain-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SHUTDOWN_DRAIN_MS: '800',
      SHUTDOWN_GRACE_MS: '1000',
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    let exited = false;
    const app = await startApp(loaded.config, {
      logger: captureLogger('warn').logger,
      openStore: openStore({ keyPrefix: 'fdesk:' }),
      processTriggers: false,
      exit: () => (exited = true),
    });
    try {
      const get = (path: string) =>
        fetch(`http://127.0.0.1:${port}${path}`).then(
          (r) => r.status,
          () => 'refused',
        );
      expect(await get('/readyz')).toBe(200);
      const done = app.shutdown('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Before: the listener closed at once and /readyz was refused.
      expect(await get('/readyz')).toBe(503);
      expect(await get('/healthz')).toBe(200);
      await done;
      expect(exited).toBe(true);
      expect(await get('/readyz')).toBe('refused');
    } finally {
      await app.shutdown('test end');
      await slack.close();
    }
  });
});
