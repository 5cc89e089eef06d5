/**
 * Follow-ups on Discord through the real discord.js Client: a reply to one of our answers continues the
 * question that answer replied to (read back over REST, so any replica can follow the chain), a thread
 * and a DM are one conversation each, and a new mention in a channel starts afresh.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problemsIn, startHarness, type Harness } from './harness.ts';
import { dmMessage, guildMessage, guildReply } from './payloads.ts';
import { botUser, CHANNEL_ID, messageObject, THREAD_ID } from './standin.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}
const embedOf = (call: { body: unknown } | undefined) => ((call?.body ?? {}) as { embeds: Embed[] }).embeds[0] ?? {};

/** Sends `payload` and returns the embed of the bot's reply and the message the bot posted. */
async function exchange(payload: { id: string }) {
  const [call] = await h.send('MESSAGE_CREATE', payload);
  const posted = h.standIn.replyTo(payload.id);
  if (!posted) throw new Error('the bot did not reply to the message');
  return { embed: embedOf(call), posted };
}

describe('Discord follow-ups', () => {
  it('a reply to an answer (ping on or off) continues its question, down the chain', async () => {
    const first = await exchange(guildMessage('is pytorch better for research?'));
    const reads = h.standIn.messageReads;
    const second = await exchange(guildReply('and for beginners?', first.posted));
    expect(second.embed.title).toBe('is pytorch better for research? → and for beginners?');
    expect(h.standIn.messageReads).toBe(reads + 1);
    // Without the reply ping the reply lists no mention at all; it is still to the bot, and still continues.
    const third = await exchange(guildReply('source?', second.posted, { ping: false }));
    expect(third.embed.description).toMatch(/^Sources for “is pytorch better for research\? → and for beginners\?”/);
    const citations = (e: Embed) => (e.fields ?? []).filter((f) => /^\[\d\]/.test(f.name));
    expect(citations(second.embed).length).toBeGreaterThan(0);
    expect(citations(third.embed)).toEqual(citations(second.embed));
  });

  it('a reply to an older answer continues that one, and a new mention starts afresh', async () => {
    const research = await exchange(guildMessage('is pytorch better for research?'));
    await exchange(guildMessage('when was tensorflow released?'));
    const fresh = await exchange(guildMessage('source?'));
    expect(fresh.embed.description).toMatch(/^Sources for which answer\?/);
    const older = await exchange(guildReply('source?', research.posted));
    expect(older.embed.description).toMatch(/^Sources for “is pytorch better for research\?”/);
  });

  it('a thread and a DM are each one conversation', async () => {
    await exchange(guildMessage('which framework is better for production?', { channelId: THREAD_ID }));
    const inThread = await exchange(guildMessage('and for mobile?', { channelId: THREAD_ID }));
    expect(inThread.embed.title).toBe('which framework is better for production? → and for mobile?');
    await exchange(dmMessage('when was pytorch released?'));
    const inDm = await exchange(dmMessage('source?'));
    expect(inDm.embed.description).toMatch(/^Sources for “when was pytorch released\?”/);
  });

  it('a reply whose answer cannot be read back is answered on its own, not dropped', async () => {
    // An answer of ours the REST API no longer has (deleted meanwhile): the read is a 404.
    const gone = messageObject(CHANNEL_ID, botUser, 'an answer since deleted');
    const reply = await exchange(guildReply('what about pytorch mobile?', gone));
    expect(reply.embed.title).toBe('what about pytorch mobile?');
    expect(reply.embed.description).toMatch(/\[1\]/);
  });
});
