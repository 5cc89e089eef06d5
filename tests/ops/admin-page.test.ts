/**
 * The admin page over real HTTP: a real Desk on a temp copy of the small fixture base, the real ops
 * server, a MemoryStore. Sign-in, cookies, CSRF, rate limits, escaping, headers and each page's data.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk } from '../../src/core/ports.ts';
import { SIGN_IN_ATTEMPTS } from '../../src/ops/admin/sign-in.ts';
import { createOpsServer, type OpsServer } from '../../src/ops/http-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { AdminClient, csrfOf } from './admin-client.ts';
import { captureLogger } from './fakes.ts';

const TOKEN = 'admin-page-token-0123456789';
const KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;
/** A file of the shipped base the tests break and edit (in a temp copy). */
const EDITED = 'buildkite-tradeoffs.md';
const who = { platform: 'console' as const, userId: 'u1', conversation: 'c1' };
let running: OpsServer | undefined;
let kbDir: string;

beforeEach(() => {
  kbDir = mkdtempSync(join(tmpdir(), 'fdesk-admin-'));
  cpSync(KNOWLEDGE, kbDir, { recursive: true });
});
afterEach(async () => {
  await running?.close(100);
  running = undefined;
  rmSync(kbDir, { recursive: true, force: true });
});

async function serve(options: { adminToken?: string; trustProxy?: boolean; store?: MemoryStore } = { adminToken: TOKEN }) {
  const store = options.store ?? new MemoryStore();
  const desk: Desk = await createDesk({ knowledgeDir: kbDir, store });
  const { logger, raw } = captureLogger();
  running = createOpsServer({
    desk,
    adapters: [],
    metrics: createMetrics({ defaultMetrics: false }),
    logger,
    adminToken: options.adminToken,
    store,
    trustProxy: options.trustProxy ?? false,
    knowledgeDir: kbDir,
  });
  const base = `http://127.0.0.1:${await running.listen(0, '127.0.0.1')}`;
  return { desk, store, base, logs: raw, client: (headers: Record<string, string> = {}) => new AdminClient(base, headers) };
}

const attributes = (line: string) => line.split(';').map((part) => part.trim());

describe('admin page: access', () => {
  it('is a 404 when ADMIN_TOKEN is unset, while POST /admin/reload keeps its 503', async () => {
    const { base } = await serve({});
    for (const path of ['/admin', '/admin/gaps', '/admin/feedback', '/admin/admin.css']) expect((await fetch(base + path)).status).toBe(404);
    expect((await fetch(`${base}/admin/sign-in`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/admin/reload`, { method: 'POST' })).status).toBe(503);
  });

  it('signs in with the token: an HttpOnly, SameSite=Strict session cookie on /admin, then the Knowledge page', async () => {
    const { client, store, desk } = await serve();
    const admin = client();
    const form = await admin.get('/admin');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<label for="token">Admin token</label>');
    const signedIn = await admin.signIn(TOKEN);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/admin');
    const session = signedIn.setCookies.find((line) => line.startsWith('fdesk_admin='));
    expect(attributes(session ?? '')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/admin', 'Max-Age=28800']));
    expect(session).not.toContain('Secure');
    // The Store holds the session under the id's hash, never the id a cookie thief would need.
    const id = admin.cookies.get('fdesk_admin') ?? '';
    expect(await store.getSession(`admin:${id}`)).toBeUndefined();
    expect(await store.getSession(`admin:${createHash('sha256').update(id).digest('hex')}`)).toContain('csrf');
    const page = await admin.get('/admin');
    expect(page.text).toContain('<h1>Knowledge</h1>');
    expect(page.text).toContain(`<strong id="count-files">${desk.status().documents}</strong> files`);
    const edited = desk.describeKnowledge().find((f) => f.file === EDITED);
    expect(page.text).toContain(`<code>${EDITED}</code>`);
    expect(page.text).toContain('Buildkite, 2025');
    expect(page.text).toContain(`${edited?.sections[0]?.heading} <span class="meta">(line 13)</span>`);
  });

  it('refuses a wrong token with one message whatever was wrong, and sets no session', async () => {
    const { client, logs } = await serve();
    const messages = new Set<string>();
    for (const wrong of ['nope', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase(), '']) {
      const admin = client();
      const res = await admin.signIn(wrong);
      expect(res.status).toBe(401);
      expect(admin.cookies.has('fdesk_admin')).toBe(false);
      messages.add(/role="alert"[^>]*>([^<]+)</.exec(res.text)?.[1] ?? 'none');
    }
    expect([...messages]).toEqual(['That admin token was not accepted. Check it and try again.']);
    expect(logs.join('\n')).not.toContain(TOKEN.slice(0, -1));
  });

  it('marks cookies Secure only for HTTPS, and believes X-Forwarded-Proto only with TRUST_PROXY', async () => {
    const untrusted = await serve({ adminToken: TOKEN, trustProxy: false });
    const spoofed = await untrusted.client({ 'x-forwarded-proto': 'https' }).signIn(TOKEN);
    expect(spoofed.setCookies.join('\n')).not.toContain('Secure');
    await running?.close(100);

    const trusted = await serve({ adminToken: TOKEN, trustProxy: true });
    const viaProxy = await trusted.client({ 'x-forwarded-proto': 'https' }).signIn(TOKEN);
    expect(viaProxy.status).toBe(303);
    expect(attributes(viaProxy.setCookies.find((line) => line.startsWith('fdesk_admin=')) ?? '')).toContain('Secure');
    const plain = await trusted.client({ 'x-forwarded-proto': 'http' }).signIn(TOKEN);
    expect(plain.setCookies.join('\n')).not.toContain('Secure');
  });

  it('rate-limits sign-in attempts per client address, right token or not', async () => {
    const { client } = await serve({ adminToken: TOKEN, trustProxy: true });
    const attacker = client({ 'x-forwarded-for': '203.0.113.9' });
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) expect((await attacker.signIn(`guess-${i}`)).status).toBe(401);
    const blocked = await attacker.signIn(TOKEN);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(attacker.cookies.has('fdesk_admin')).toBe(false);
    expect((await client({ 'x-forwarded-for': '198.51.100.7' }).signIn(TOKEN)).status).toBe(303);
  });

  it('sends pages with a script-free CSP, no framing and no caching; the rest of /admin redirects to sign-in', async () => {
    const { client } = await serve();
    const anonymous = client();
    const form = await anonymous.get('/admin');
    expect(form.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(form.headers.get('content-security-policy')).not.toMatch(/script-src|unsafe-inline/);
    expect(form.headers.get('x-frame-options')).toBe('DENY');
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(form.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(form.text).toContain('<a class="skip" href="#main">Skip to content</a>');
    expect(form.text).not.toContain('<script');
    for (const path of ['/admin/gaps', '/admin/feedback', '/admin/reload']) {
      const res = await anonymous.get(path);
      expect([res.status, res.headers.get('location')]).toEqual([303, '/admin']);
    }
    const admin = client();
    await admin.signIn(TOKEN);
    for (const path of ['/admin', '/admin/gaps', '/admin/feedback', '/admin/reload']) {
      const res = await admin.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('ends sessions after their lifetime and on sign-out', async () => {
    let now = Date.now();
    const { client } = await serve({ adminToken: TOKEN, store: new MemoryStore({ now: () => now }) });
    const admin = client();
    await admin.signIn(TOKEN);
    expect((await admin.get('/admin/gaps')).status).toBe(200);
    now += 8 * 3_600_000 + 1;
    expect((await admin.get('/admin/gaps')).status).toBe(303);

    await admin.signIn(TOKEN);
    const page = await admin.get('/admin/gaps');
    const stolen = new AdminClient(admin.base);
    stolen.cookies.set('fdesk_admin', admin.cookies.get('fdesk_admin') ?? '');
    expect((await admin.post('/admin/sign-out', { csrf: csrfOf(page.text) })).status).toBe(303);
    expect(admin.cookies.has('fdesk_admin')).toBe(false);
    // The session itself is gone from the Store, not just the browser's cookie.
    expect((await stolen.get('/admin/gaps')).status).toBe(303);
  });
});

describe('admin page: CSRF', () => {
  it('refuses a sign-in without the form token, or with a token from another browser', async () => {
    const { client } = await serve();
    const admin = client();
    await admin.get('/admin');
    const missing = await admin.post('/admin/sign-in', { token: TOKEN });
    expect(missing.status).toBe(403);
    const other = await client().get('/admin');
    const foreign = await admin.post('/admin/sign-in', { token: TOKEN, csrf: csrfOf(other.text).replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
    expect(foreign.status).toBe(403);
    expect(admin.cookies.has('fdesk_admin')).toBe(false);
  });

  it('refuses a reload or sign-out without this session’s token; the bearer API still works beside it', async () => {
    const { client, desk } = await serve();
    const admin = client();
    await admin.signIn(TOKEN);
    const otherAdmin = client();
    await otherAdmin.signIn(TOKEN);
    const othersToken = csrfOf((await otherAdmin.get('/admin/reload')).text);
    const ownToken = csrfOf((await admin.get('/admin/reload')).text);
    expect((await admin.post('/admin/reload', {})).status).toBe(403);
    expect((await admin.post('/admin/reload', { csrf: othersToken })).status).toBe(403);
    expect((await admin.post('/admin/sign-out', {})).status).toBe(403);
    expect(desk.status().lastReload).toBeUndefined();

    const ok = await admin.post('/admin/reload', { csrf: ownToken });
    expect(ok.status).toBe(200);
    const { documents, chunks } = desk.status();
    expect(ok.text).toContain(`Reloaded.</strong> Files ${documents} → ${documents}, sections ${chunks} → ${chunks}`);
    expect(desk.status().lastReload?.trigger).toBe('admin');
    const api = await fetch(`${admin.base}/admin/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, cookie: `fdesk_admin=${admin.cookies.get('fdesk_admin')}` },
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ ok: true, trigger: 'http' });
  });
});

describe('admin page: pages', () => {
  it('shows a refused reload with file:line, the old base still serving, and the last reload on Knowledge', async () => {
    const { client, desk } = await serve();
    const admin = client();
    await admin.signIn(TOKEN);
    const before = desk.status();
    const file = join(kbDir, EDITED);
    writeFileSync(file, readFileSync(file, 'utf8').replace('  publisher: Buildkite\n', ''));
    const refused = await admin.post('/admin/reload', { csrf: csrfOf((await admin.get('/admin/reload')).text) });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Reload refused');
    expect(refused.text).toContain('<code>buildkite-tradeoffs.md:4</code>: `source.publisher` is required');
    expect(refused.text).toContain('<code>flow/choose-framework.yaml:');
    expect(refused.text).toContain(`The old base keeps serving: ${before.documents} files, ${before.chunks} sections.`);
    expect((await desk.ask('when was pytorch released?', who)).answered).toBe(true);
    const knowledge = await admin.get('/admin');
    expect(knowledge.text).toMatch(/was refused with 2 errors; the base loaded at [^;]+ keeps serving/);
    expect(knowledge.text).toContain('<code>buildkite-tradeoffs.md:4</code>');
  });

  it('lists declined questions most asked first with the sections suggested, and every vote with its cited sections', async () => {
    const { client, desk } = await serve();
    await desk.ask('Does pytorch 2.5 run on a quantum computer?', who);
    for (let i = 0; i < 3; i++) await desk.ask('How do I bake sourdough bread?', who);
    const answer = await desk.ask('when was pytorch released?', who);
    expect(answer.answered).toBe(true);
    expect(await desk.recordFeedback(answer.id ?? '', 'down', who)).toBe('recorded');
    expect(await desk.recordFeedback(answer.id ?? '', 'up', { ...who, userId: 'u2' })).toBe('recorded');
    const admin = client();
    await admin.signIn(TOKEN);

    const gaps = (await admin.get('/admin/gaps')).text;
    expect(gaps.indexOf('How do I bake sourdough bread?')).toBeLessThan(gaps.indexOf('Does pytorch 2.5 run on a quantum computer?'));
    expect(gaps).toContain('asked 3 times');
    expect(gaps).toMatch(/Suggested instead:<\/p><ul><li>[^<]+ <span class="meta">— [^<]+ \(<code>[\w-]+\.md:\d+<\/code>\)/);

    const feedback = (await admin.get('/admin/feedback')).text;
    expect(feedback).toContain('<h2>when was pytorch released?</h2>');
    expect(feedback).toContain('👍 1 · 👎 1');
    const cited = answer.snippets[0]?.citation.section ?? 'none';
    expect(feedback).toContain(`<li>${cited} <span class="meta">`);
  });

  it('escapes every value that comes from questions and knowledge files', async () => {
    const { client, desk } = await serve();
    const file = join(kbDir, EDITED);
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\n## Origins <img src=x onerror=alert(1)> & "quotes"\nTensorFlow came from Google Brain in 2015 and PyTorch from Facebook AI Research in 2016.\n`,
    );
    expect(await desk.reload('test')).toMatchObject({ ok: true, errors: [] });
    await desk.ask('<script>alert("gap")</script> bake bread?', who);
    const admin = client();
    await admin.signIn(TOKEN);
    const knowledge = (await admin.get('/admin')).text;
    expect(knowledge).toContain('Origins &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(knowledge).not.toContain('<img');
    const gaps = (await admin.get('/admin/gaps')).text;
    expect(gaps).not.toContain('<script>');
    expect(gaps).toContain('&lt;script&gt;alert(&quot;gap&quot;)&lt;/script&gt;');
  });
});
