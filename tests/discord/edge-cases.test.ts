/** Rendering edge cases through the real client, with a scripted Desk: everything stays within limits. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeDesk, HOSTILE } from '../support/fake-desk.ts';
import { overrideDesk, problemsIn, startHarness, type Harness } from './harness.ts';
import pino from 'pino';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { CHANNEL_ID, DiscordStandIn, messageFromBody } from './standin.ts';
import { ADMIN_ID, autocomplete, componentClick, guildMessage, slashCommand } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(() => fakeDesk(HOSTILE), false);
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

describe('Discord edge cases', () => {
  it('splits an oversized answer over several valid messages, buttons on the last, no mention syntax', async () => {
    const from = h.standIn.calls.length;
    h.standIn.dispatch('MESSAGE_CREATE', guildMessage('anything'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const calls = await h.standIn.waitForCalls((c) => c.method === 'POST', 2, from);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = h.standIn.calls.slice(from);
    expect(sent.length).toBeGreaterThan(1);
    const bodies = sent.map((c) => c.body as { components?: unknown[] });
    expect(bodies.at(-1)?.components?.length).toBe(1);
    for (const body of bodies.slice(0, -1)) expect(body.components ?? []).toEqual([]);
    expect(JSON.stringify(bodies)).not.toMatch(/@everyone|@here|<@&\d/);
    expect(calls.length).toBeGreaterThan(1);
  });

  it('sends long /ask answers as a reply plus ephemeral follow-ups', async () => {
    const from = h.standIn.calls.length;
    await h.send('INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: 'anything' }]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = h.standIn.calls.slice(from);
    expect(sent[0]?.path).toMatch(/\/callback$/);
    expect(sent.length).toBeGreaterThan(1);
    for (const follow of sent.slice(1)) {
      expect(follow.path).toMatch(/^\/webhooks\/\d+\/[^/]+$/);
      expect((follow.body as { flags?: number }).flags).toBe(64);
    }
  });

  it('caps autocomplete at 25 choices of at most 100 characters', async () => {
    const [call] = await h.send('INTERACTION_CREATE', autocomplete('de'));
    const choices = (call?.body as { data: { choices: { name: string }[] } }).data.choices;
    expect(choices).toHaveLength(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('caps a question with 30 options at 25 select options', async () => {
    const [call] = await h.send('INTERACTION_CREATE', slashCommand('choose-framework', []));
    const select = (call?.body as { data: { components: { components: { options?: unknown[] }[] }[] } }).data.components[0]?.components[0];
    expect(select?.options).toHaveLength(25);
  });

  it('lists at most 20 reload errors and stays within limits', async () => {
    const [, edit] = await h.send('INTERACTION_CREATE', slashCommand('framework-admin', [{ name: 'reload', type: 1, options: [] }], { userId: ADMIN_ID, admin: true }), 2);
    const text = JSON.stringify(edit?.body);
    expect(text).toMatch(/doc-19\.md:20/);
    expect(text).not.toMatch(/doc-20\.md/);
    expect(text).toMatch(/and 20 more/);
  });

  it('a slow flow step after a click defers the update (type 6), then edits the message', async () => {
    const desk = fakeDesk(HOSTILE);
    const slow = await startHarness(
      () =>
        overrideDesk(desk, {
          flow: async (w, a) => {
            await new Promise((r) => setTimeout(r, 2_000));
            return desk.flow(w, a);
          },
        }),
      false,
    );
    try {
      const [first, second] = await slow.send('INTERACTION_CREATE', slashCommand('choose-framework', []), 2, 8_000);
      expect((first?.body as { type: number }).type).toBe(5);
      const data = second?.body as { components: { components: { custom_id: string; options: { value: string }[] }[] }[] };
      const select = data.components[0]?.components[0];
      const message = messageFromBody(data, CHANNEL_ID, { flags: 64 });
      const started = Date.now();
      const [deferral, edit] = await slow.send('INTERACTION_CREATE', componentClick(message, select?.custom_id ?? '', [select?.options[0]?.value ?? '']), 2, 8_000);
      expect(deferral?.body).toEqual({ type: 6 });
      expect((deferral?.at ?? Infinity) - started).toBeLessThan(3_000);
      expect(edit?.method).toBe('PATCH');
      expect(edit?.path).toMatch(/\/messages\/@original$/);
      expect(problemsIn(slow.standIn.calls)).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('a failing click gets a private apology and leaves the questionnaire in place', async () => {
    const desk = fakeDesk(HOSTILE);
    const broken = await startHarness(() => overrideDesk(desk, { flow: (w, a) => (a.type === 'answer' ? Promise.reject(new Error('store down')) : desk.flow(w, a)) }), false);
    try {
      const [start] = await broken.send('INTERACTION_CREATE', slashCommand('choose-framework', []));
      const data = (start?.body as { data: { components: { components: { custom_id: string; options: { value: string }[] }[] }[] } }).data;
      const select = data.components[0]?.components[0];
      const [apology] = await broken.send(
        'INTERACTION_CREATE',
        componentClick(messageFromBody(data, CHANNEL_ID, { flags: 64 }), select?.custom_id ?? '', [select?.options[0]?.value ?? '']),
      );
      const body = apology?.body as { type: number; data: { flags: number } };
      expect(body.type).toBe(4);
      expect(body.data.flags).toBe(64);
      expect(JSON.stringify(body)).toMatch(/something went wrong/);
      expect(broken.logs.some((l) => l.msg === 'Discord interaction handler failed')).toBe(true);
      expect(problemsIn(broken.standIn.calls)).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

describe('Discord login failures name the fix', () => {
  for (const [code, expected] of [
    [4014, /enable it in the Developer Portal → your app → Bot → Privileged Gateway Intents/],
    [4004, /Discord refused DISCORD_TOKEN — copy a fresh token/],
  ] as const) {
    it(`gateway close ${code}`, async () => {
      const standIn = await DiscordStandIn.start();
      standIn.closeOnIdentify = code;
      const adapter = createDiscordAdapter({
        desk: fakeDesk(HOSTILE),
        logger: pino({ level: 'silent' }),
        token: 'x.y.zzzzzzzzzzzzzzzzzzzz',
        apiUrl: standIn.apiUrl,
        adminUserIds: [],
      });
      try {
        await expect(adapter.start()).rejects.toThrow(expected);
        expect(adapter.isReady()).toBe(false);
      } finally {
        await adapter.stop();
        await standIn.close();
      }
    });
  }
});
