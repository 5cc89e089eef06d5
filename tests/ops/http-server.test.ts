import { afterEach, describe, expect, it } from 'vitest';
import { createOpsServer, type OpsServer } from '../../src/ops/http-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { captureLogger, fakeAdapter } from './fakes.ts';
import { fakeDesk, okReload } from '../support/fake-desk.ts';

const TOKEN = 'an-admin-token-of-some-length';
let running: OpsServer | undefined;

async function serve(options: { adminToken?: string; desk?: ReturnType<typeof fakeDesk>; adapters?: ReturnType<typeof fakeAdapter>[] } = {}) {
  const desk = options.desk ?? fakeDesk();
  const adapters = options.adapters ?? [fakeAdapter('slack')];
  const { logger, lines } = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  running = createOpsServer({ desk, store: new MemoryStore(), adapters, metrics, logger, adminToken: options.adminToken });
  const port = await running.listen(0, '127.0.0.1');
  const call = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init);
  return { desk, adapters, lines, metrics, call };
}

afterEach(async () => {
  await running?.close(100);
  running = undefined;
});

describe('ops HTTP server', () => {
  it('answers /healthz, and /readyz only when knowledge and every adapter are ready', async () => {
    const { call, adapters } = await serve();
    expect((await call('/healthz')).status).toBe(200);
    const ready = await call('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, knowledge: { loaded: true, documents: 5, chunks: 40 }, adapters: { slack: true } });
    adapters[0]!.ready = false;
    const notReady = await call('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, adapters: { slack: false } });
  });

  it('turns /readyz to 503 as soon as draining starts', async () => {
    const { call } = await serve();
    running!.beginDrain();
    const res = await call('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ draining: true });
  });

  it('serves Prometheus metrics', async () => {
    const { call, metrics } = await serve();
    metrics.questions.inc({ platform: 'slack', outcome: 'answered', reason: 'none' });
    const res = await call('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('fdesk_questions_total{platform="slack",outcome="answered",reason="none"} 1');
    expect(text).toContain('# TYPE fdesk_answer_latency_seconds histogram');
  });

  it('refuses admin reload when ADMIN_TOKEN is unset (503), without a token (401) and with a wrong one (403)', async () => {
    const disabled = await serve();
    const res = await disabled.call('/admin/reload', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, fix: expect.stringContaining('ADMIN_TOKEN') });
    expect(disabled.desk.reloads).toEqual([]);
    await running!.close(100);

    const { call, desk, lines } = await serve({ adminToken: TOKEN });
    const missing = await call('/admin/reload', { method: 'POST' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await call('/admin/reload', { method: 'POST', headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(403);
    expect(desk.reloads).toEqual([]);
    expect(lines.filter((l) => l.event === 'admin-refused')).toHaveLength(2);
  });

  it('reloads with the right token: 200 with counts, 422 with every error when the base is broken', async () => {
    const { call, desk } = await serve({ adminToken: TOKEN });
    const ok = await call('/admin/reload', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, trigger: 'http', before: { documents: 5 }, after: { documents: 6 } });
    expect(desk.reloads).toEqual(['http']);
    await running!.close(100);

    const error = { file: 'knowledge/a.md', line: 3, message: 'source is required', severity: 'error' as const, code: 'front-matter' };
    const broken = await serve({ adminToken: TOKEN, desk: fakeDesk({ reloadResult: (t) => okReload(t, { ok: false, errors: [error] }) }) });
    const res = await broken.call('/admin/reload', { method: 'POST', headers: { authorization: `bearer ${TOKEN}` } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, errors: [error] });
  });

  it('mounts adapter routes, answers 404/405 in JSON, and survives a throwing handler', async () => {
    const adapter = fakeAdapter('slack', [
      { method: 'POST', path: '/slack/events', handle: (_req, res) => void res.writeHead(200).end('slack!') },
      { method: 'POST', path: '/boom', handle: () => Promise.reject(new Error('handler bug')) },
    ]);
    const { call, lines } = await serve({ adapters: [adapter] });
    expect(await (await call('/slack/events', { method: 'POST', body: '{}' })).text()).toBe('slack!');
    const missing = await call('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: 'no route for GET /nope' });
    const wrongMethod = await call('/slack/events');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const boom = await call('/boom', { method: 'POST' });
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('handler bug');
    expect(lines.some((l) => l.msg === 'HTTP handler failed')).toBe(true);
    expect((await call('/healthz')).status).toBe(200); // still serving
  });
});
