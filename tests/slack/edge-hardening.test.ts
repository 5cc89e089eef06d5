/**
 * The Slack HTTP edge under attack, through the real adapter (Bolt's HTTPReceiver behind our gate) on a
 * local port: oversized bodies refused before they are read, signed bodies Bolt cannot handle answered
 * 400 at once, timestamps outside five minutes either way refused, forged floods logged as a summary.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/adapters/slack/commands.ts';
import { MAX_SLACK_BODY_BYTES } from '../../src/adapters/slack/request-guard.ts';
import { useHarness } from './harness.ts';
import { appMention, slashCommand } from './payloads.ts';

const h = useHarness();

/** Sends headers declaring `declared` bytes but only a little of the body: a reply proves nothing waited for the rest. */
function declareHuge(url: string, declared: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(`${url}/slack/events`);
    const req = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': declared },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write('{"type":"event_callback",');
  });
}

describe('Slack edge hardening', () => {
  it('refuses a body declared over the cap with 413 before reading it, and one that grows past it', async () => {
    expect(await declareHuge(h().url, 4 * 1024 * 1024)).toBe(413);
    const big = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(MAX_SLACK_BODY_BYTES) });
    expect((await h().post(big, 'application/json')).status).toBe(413);
    // Real Slack payloads are far below the cap.
    expect((await h().event(appMention({ text: '<@UBOT00001> is pytorch good for research?' }))).status).toBe(200);
  });

  it('answers a correctly signed body that is not a JSON object with 400 at once, and keeps serving', async () => {
    const bodies: [string, string][] = [
      ['null', 'application/json'],
      ['42', 'application/json'],
      ['[1,2]', 'application/json'],
      ['"text"', 'application/json'],
      ['{not json', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=%5B%5D', 'application/x-www-form-urlencoded'],
      ['<xml/>', 'text/xml'],
    ];
    for (const [body, type] of bodies) {
      const reply = await h().post(body, type);
      expect(reply.status, `${type} ${body}`).toBe(400);
      expect(reply.ms).toBeLessThan(3_000);
    }
    expect((await h().event(appMention({ text: '<@UBOT00001> is pytorch good for research?' }))).status).toBe(200);
  });

  it('refuses timestamps more than five minutes off in either direction', async () => {
    const body = JSON.stringify(appMention({ text: 'hi' }));
    const now = Math.floor(Date.now() / 1000);
    expect((await h().post(body, 'application/json', { timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await h().post(body, 'application/json', { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await h().post(body, 'application/json', { timestamp: now + 60 })).status).toBe(200);
  });

  it('answers Slack’s unsigned ssl_check probe with an empty 200, and runs nothing smuggled in with it', async () => {
    const form = 'application/x-www-form-urlencoded';
    const unsigned = { signature: 'v0=unsigned' };
    expect(await h().post('ssl_check=1&token=legacy', form, unsigned)).toMatchObject({ status: 200, body: '' });
    // A slash command riding on the probe — also behind a second ssl_check value — is unsigned: never run.
    const command = new URLSearchParams(slashCommand(COMMANDS.ask, 'is pytorch good for research?', h().standIn.responseUrl('smuggled'))).toString();
    const before = h().standIn.calls.length;
    for (const body of [`ssl_check=1&${command}`, `ssl_check=1&ssl_check=0&${command}`]) {
      expect(await h().post(body, form, unsigned)).toMatchObject({ status: 200, body: '' });
    }
    // The same command signed is answered, so the silence above is the probe's doing.
    expect((await h().command(slashCommand(COMMANDS.ask, 'is pytorch good for research?', h().standIn.responseUrl('signed')))).status).toBe(200);
    await h().standIn.waitFor(() => h().standIn.calls.some((c) => c.method === 'response:signed'), 5_000, 'the signed command');
    expect(
      h()
        .standIn.calls.slice(before)
        .filter((c) => c.method === 'response:smuggled'),
    ).toEqual([]);
  });

  it('logs a flood of forged requests as one line, summarised per minute, not one warning each', async () => {
    const before = h().logs.length;
    const body = JSON.stringify(appMention({ text: 'forged' }));
    const replies = await Promise.all(Array.from({ length: 50 }, () => h().post(body, 'application/json', { signature: 'v0=forged' })));
    expect(replies.every((r) => r.status === 401)).toBe(true);
    // Earlier refusals in this file opened the minute: the flood adds no line of its own.
    expect(
      h()
        .logs.slice(before)
        .filter((l) => l.level >= 40),
    ).toEqual([]);
    expect(h().logs.filter((l) => l.event === 'slack-refused')).toHaveLength(1);
    // The minute's summary (written early here, at stop) counts every one of them.
    await h().adapter.stop();
    const summary = h().logs.find((l) => l.event === 'slack-refused-summary') as { total: number; byReason: Record<string, number> } | undefined;
    expect(summary?.byReason['bad-signature']).toBeGreaterThanOrEqual(50);
  });
});
