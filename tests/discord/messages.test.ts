/** Mentions and DMs through the real discord.js Client against the stand-in. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, CHANNEL_ID, DM_CHANNEL_ID } from './standin.ts';
import { dmMessage, guildMessage } from './payloads.ts';
import { overrideDesk, problemsIn, startHarness, type Harness } from './harness.ts';
import { ANSWERABLE } from './questions.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

interface MessageBody {
  content?: string;
  embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  allowed_mentions?: { parse: unknown[]; replied_user?: boolean };
  message_reference?: { message_id: string };
}

describe('Discord messages', () => {
  it('identified once with the production intents and keeps the session alive with heartbeats', async () => {
    const identify = h.standIn.identified[0] as { intents: number; token: string };
    expect(h.standIn.identified).toHaveLength(1);
    // Guilds (1) + GuildMessages (512) + DirectMessages (4096) + MessageContent (32768)
    expect(identify.intents).toBe(1 + 512 + 4096 + 32768);
    const deadline = Date.now() + 3_000;
    while (h.standIn.heartbeats < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(h.standIn.heartbeats).toBeGreaterThanOrEqual(2);
    expect(h.standIn.connections).toBe(1);
    expect(h.adapter.isReady()).toBe(true);
  });

  it('answers a mention with one reply: cited embed, 👍/👎 buttons, allowed_mentions set', async () => {
    const message = guildMessage(ANSWERABLE);
    const [call, ...more] = await h.send('MESSAGE_CREATE', message);
    expect(more).toEqual([]);
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    const body = call?.body as MessageBody;
    expect(body.message_reference?.message_id).toBe(message.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = body.embeds[0];
    expect(embed?.description).toMatch(/\*\*\[1\]\*\*/);
    expect(embed?.fields?.[0]?.name).toMatch(/^\[1\] /);
    const ids = body.components?.flatMap((r) => r.components.map((c) => c.custom_id));
    expect(ids).toEqual([expect.stringMatching(/^fd:vote:up:/), expect.stringMatching(/^fd:vote:down:/)]);
    // Exactly one reply, even after a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.standIn.calls.filter((c) => c.at >= (call?.at ?? 0))).toHaveLength(1);
  });

  it('answers a direct message in the DM channel', async () => {
    const [call] = await h.send('MESSAGE_CREATE', dmMessage(ANSWERABLE));
    expect(call?.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect((call?.body as MessageBody).embeds[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('ignores bots (itself included) and guild messages that do not mention it', async () => {
    const before = h.standIn.calls.length;
    h.standIn.dispatch('MESSAGE_CREATE', guildMessage(ANSWERABLE, { bot: true }));
    h.standIn.dispatch('MESSAGE_CREATE', guildMessage(ANSWERABLE, { bot: true, authorId: BOT_ID }));
    h.standIn.dispatch('MESSAGE_CREATE', guildMessage(ANSWERABLE, { mentionBot: false }));
    h.standIn.dispatch('MESSAGE_CREATE', guildMessage(`@everyone ${ANSWERABLE}`, { mentionBot: false }));
    // A marker message handled after the ignored ones proves they were seen and dropped.
    const marker = guildMessage('what is pytorch?');
    const [call] = await h.send('MESSAGE_CREATE', marker);
    expect(h.standIn.calls.length - before).toBe(1);
    expect((call?.body as MessageBody).message_reference?.message_id).toBe(marker.id);
  });

  it('never pings from a question containing @everyone, @here or role mentions', async () => {
    const [call] = await h.send('MESSAGE_CREATE', guildMessage(`@everyone @here <@&123456789012345678> ${ANSWERABLE}`));
    const body = call?.body as MessageBody;
    expect(body.allowed_mentions?.parse).toEqual([]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/@everyone|@here|<@&\d/);
  });

  it('answers a 6,000-character question within Discord limits', async () => {
    const long = `${ANSWERABLE} ${'and also tell me more about training speed '.repeat(150)}`.slice(0, 6_000);
    expect(long).toHaveLength(6_000);
    const [call] = await h.send('MESSAGE_CREATE', guildMessage(long));
    const body = call?.body as MessageBody;
    expect(body.embeds[0]?.title?.length ?? 0).toBeLessThanOrEqual(256);
  });

  it('apologises instead of crashing when answering fails', async () => {
    const failing = await startHarness((desk) => overrideDesk(desk, { ask: () => Promise.reject(new Error('boom')) }));
    try {
      const [call] = await failing.send('MESSAGE_CREATE', guildMessage(ANSWERABLE));
      expect(JSON.stringify(call?.body)).toMatch(/something went wrong/);
      expect(failing.logs.some((l) => l.msg === 'Discord message handler failed')).toBe(true);
      expect(problemsIn(failing.standIn.calls)).toEqual([]);
      expect(failing.adapter.isReady()).toBe(true);
    } finally {
      await failing.close();
    }
  });
});
