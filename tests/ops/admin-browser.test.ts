/**
 * The admin page in a real browser: Debian's chromium driven by playwright-core against `npm start`
 * run as a process (Slack HTTP mode against a Slack stand-in, so questions and votes arrive the way
 * they do in production), on a temp copy of `knowledge/`. Signs in, reads every page, breaks a file and
 * reloads, fixes it and reloads, and checks that a wrong token and a POST without its CSRF token are
 * refused. Saves a screenshot of each page (see admin-screenshots.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf } from '../slack/harness.ts';
import { appMention, blockAction } from '../slack/payloads.ts';
import { SIGNING_SECRET, signedHeaders } from '../slack/signing.ts';
import { SlackStandIn } from '../slack/standin.ts';
import { type ScreenshotName, screenshotDir } from './admin-screenshots.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { killQuietly, startBot, type BotProcess } from './process.ts';
import { freePort } from './redis-server.ts';

const KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;
const ADMIN_TOKEN = 'browser-admin-token-0123456789';
const EDITED = 'buildkite-tradeoffs.md';
const executablePath = chromiumPath();

describe.skipIf(!executablePath)('admin page in a real browser', () => {
  let kbDir: string;
  let slack: SlackStandIn;
  let bot: BotProcess | undefined;
  let browser: Browser | undefined;
  let base: string;
  const { dir: shots, cleanup: removeShots } = screenshotDir();

  beforeAll(async () => {
    kbDir = mkdtempSync(join(tmpdir(), 'fdesk-admin-kb-'));
    cpSync(KNOWLEDGE, kbDir, { recursive: true });
    mkdirSync(shots, { recursive: true });
    slack = await new SlackStandIn().start();
    const port = await freePort();
    bot = startBot({
      PORT: String(port),
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: kbDir,
      ADMIN_TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
      SLACK_BOT_TOKEN: 'xoxb-admin-browser',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    base = `http://127.0.0.1:${port}`;
    await bot.waitFor(/Framework Desk running \(slack\)/);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    killQuietly(bot);
    await slack?.close();
    rmSync(kbDir, { recursive: true, force: true });
    removeShots();
  });

  /** A Slack user mentions the bot; resolves once answered, with the answer id its 👍/👎 buttons carry (if any). */
  async function mention(text: string, expect: 'answered' | 'declined', user = 'U0USER0001'): Promise<string> {
    const event = appMention({ text, user });
    const body = JSON.stringify(event);
    const ack = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json'), body });
    if (ack.status !== 200) throw new Error(`Slack event refused: ${ack.status}`);
    const ts = (event.event as { ts: string }).ts;
    const inThread = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    const voteId = () =>
      inThread()
        .flatMap(buttonsOf)
        .find((b) => b.action_id === 'fd_vote_up')?.value;
    await slack.waitFor(() => (expect === 'answered' ? voteId() !== undefined : inThread().length > 0), 10_000, `the ${expect} reply to "${text}"`);
    return voteId() ?? '';
  }

  async function vote(answerId: string, direction: 'up' | 'down', user: string): Promise<void> {
    const id = `vote-${answerId}-${user}`;
    const payload = blockAction({ action_id: `fd_vote_${direction}`, value: answerId }, { responseUrl: slack.responseUrl(id), user });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect((await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/x-www-form-urlencoded'), body })).status).toBe(200);
    await slack.waitFor(
      () => slack.calls.some((c) => c.method === `response:${id}` || (c.method.startsWith('chat.') && JSON.stringify(c.body).includes('Thanks'))),
      10_000,
      'the vote reply',
    );
  }

  const shoot = (page: Page, name: ScreenshotName) => page.screenshot({ path: join(shots, `${name}.png`) });

  /** Submits the form of `button` and returns the status of the page it lands on. */
  async function submit(page: Page, button: string): Promise<number> {
    const [response] = await Promise.all([page.waitForEvent('response', (r) => r.request().method() === 'POST'), page.getByRole('button', { name: button }).click()]);
    await page.waitForLoadState();
    return response.status();
  }

  const knowledgeCounts = async () => (await (await fetch(`${base}/readyz`)).json()).knowledge as { documents: number; chunks: number };

  it('signs in, shows every page, reloads a broken and a fixed base, and refuses a wrong token and a POST without CSRF', async () => {
    // Traffic first, as users would make it: declined questions (one asked three times) and votes.
    for (let i = 0; i < 3; i++) await mention('How do I bake sourdough bread at home?', 'declined');
    await mention('Does PyTorch 9.7 run on quantum computers?', 'declined');
    const research = await mention('Which framework is better for research?', 'answered');
    const mobile = await mention('Is TensorFlow Lite good for mobile apps?', 'answered');
    await vote(research, 'down', 'U0USER0001');
    await vote(research, 'up', 'U0USER0002');
    await vote(mobile, 'up', 'U0USER0001');

    const context = await browser!.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await shoot(page, 'sign-in');

    // A wrong token: refused, one message, no session cookie.
    await page.getByLabel('Admin token').fill('not-the-admin-token-at-all');
    expect(await submit(page, 'Sign in')).toBe(401);
    expect(await page.getByRole('alert').textContent()).toBe('That admin token was not accepted. Check it and try again.');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('fdesk_admin');

    // The right token, typed and submitted with the keyboard alone.
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Knowledge' }).waitFor();
    const session = (await context.cookies()).find((c) => c.name === 'fdesk_admin');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin', secure: false });
    const before = await knowledgeCounts();
    expect(await page.locator('#count-files').textContent()).toBe(String(before.documents));
    expect(await page.locator('#count-sections').textContent()).toBe(String(before.chunks));
    expect(await page.getByText('No reload since this process started').count()).toBe(1);
    await shoot(page, 'knowledge');
    // Keyboard: the first Tab reaches the skip link; following it moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');

    await page.getByRole('link', { name: 'Coverage gaps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coverage gaps' }).waitFor();
    const gaps = page.locator('ol.gaps > li');
    expect(await gaps.first().getByRole('heading').textContent()).toBe('How do I bake sourdough bread at home?');
    expect(await gaps.first().getByText('asked 3 times').count()).toBe(1);
    expect(await page.getByText('Does PyTorch 9.7 run on quantum computers?').count()).toBe(1);
    expect(await page.locator('ol.gaps code').count()).toBeGreaterThan(0);
    await shoot(page, 'gaps');

    await page.getByRole('link', { name: 'Feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    const rated = page.locator('ol.feedback > li', { hasText: 'Which framework is better for research?' });
    expect(await rated.locator('.votes').textContent()).toBe('👍 1 · 👎 1');
    expect(await rated.locator('li code').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.feedback > li').count()).toBe(2);
    await shoot(page, 'feedback');

    // Break a file and reload: the named error with file:line, and the old base keeps serving.
    const file = join(kbDir, EDITED);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('  publisher: Buildkite\n', ''));
    await page.getByRole('link', { name: 'Reload' }).click();
    expect(await submit(page, 'Reload knowledge')).toBe(422);
    const refused = page.locator('#reload-result');
    expect(await refused.textContent()).toContain('Reload refused');
    expect(await refused.locator('code').first().textContent()).toBe(`${EDITED}:4`);
    expect(await refused.textContent()).toContain('`source.publisher` is required');
    expect(await refused.textContent()).toContain(`The old base keeps serving: ${before.documents} files, ${before.chunks} sections.`);
    expect(await knowledgeCounts()).toEqual(before);
    expect(await mention('Which framework is better for research?', 'answered')).not.toBe('');
    await shoot(page, 'reload-refused');

    // A POST without the CSRF token is refused and reloads nothing.
    await page.locator('form[action="/admin/reload"] input[name="csrf"]').evaluate((input) => input.remove());
    expect(await submit(page, 'Reload knowledge')).toBe(403);
    expect(await page.getByRole('alert').textContent()).toContain('security token (CSRF)');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/fdesk_reloads_total\{trigger="admin",result="failed"\} 1\n/);

    // Fix it (plus one new section) and reload: the new counts.
    writeFileSync(file, `${original}\n## Which one do small teams pick?\nSmall teams often start with PyTorch for research code and TensorFlow Lite for mobile apps.\n`);
    await page.goto(`${base}/admin/reload`);
    expect(await submit(page, 'Reload knowledge')).toBe(200);
    const reloaded = await page.locator('#reload-result').textContent();
    expect(reloaded).toContain(`Files ${before.documents} → ${before.documents}, sections ${before.chunks} → ${before.chunks + 1}`);
    await shoot(page, 'reload-ok');
    await page.getByRole('link', { name: 'Knowledge' }).click();
    expect(await page.locator('#count-sections').textContent()).toBe(String(before.chunks + 1));
    expect(await page.getByText(/Last reload .* succeeded/).count()).toBe(1);

    // A phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin/gaps`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shoot(page, 'gaps-phone');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goto(`${base}/admin/feedback`);
    expect(page.url()).toBe(`${base}/admin`);
    await context.close();
  }, 90_000);
});
