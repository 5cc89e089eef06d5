/**
 * Per-server isolation on Discord, through real discord.js against the stand-in: questions asked in one
 * server appear only in that server's `/framework-admin report`, a DM report is the operators' only, and
 * `/framework-admin settings` changes how that server alone is answered.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, ASKER_ID, guildMessage, LISTED_ADMIN_ID, OTHER_GUILD_ID, slashCommand } from './payloads.ts';
import { problemsIn, startHarness, type Harness } from './harness.ts';
import { CHANNEL_ID, DM_CHANNEL_ID, THREAD_ID } from './standin.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

type Who = { userId?: string; admin?: boolean; dm?: boolean; guildId?: string };
const ask = (question: string, who: Who) => h.send('INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: question }], who));
const admin = async (sub: string, who: Who, options: { name: string; type: number; value: string }[] = []) => {
  const calls = await h.send('INTERACTION_CREATE', slashCommand('framework-admin', [{ name: sub, type: 1, options }], who));
  // A slow reply defers first; the text is then in the edit that follows.
  const first = calls[0];
  if ((first?.body as { type?: number } | undefined)?.type === 5)
    return JSON.stringify((await h.standIn.waitForCalls((c) => c.method === 'PATCH', 1, h.standIn.calls.indexOf(first!)))[0]?.body);
  return JSON.stringify(first?.body);
};
const otherServer = { guildId: OTHER_GUILD_ID };

describe('one report per Discord server', () => {
  it('shows each server’s administrators their own server’s declined questions only', async () => {
    await ask('how do I knit a scarf in the first server?', {});
    await ask('what is the best pizza topping in the second server?', otherServer);
    const first = await admin('report', { userId: ADMIN_ID, admin: true });
    const second = await admin('report', { userId: ADMIN_ID, admin: true, ...otherServer });
    expect(first).toContain('knit a scarf');
    expect(first).not.toContain('pizza');
    expect(second).toContain('pizza topping');
    expect(second).not.toContain('knit');
  });

  it('refuses members without Administrator, and keeps the DM report to the operators', async () => {
    expect(await admin('report', { userId: ASKER_ID, admin: false })).toMatch(/Only server administrators/);
    expect(await admin('report', { userId: ADMIN_ID, dm: true })).toMatch(/Only server administrators|only the bot’s operators/);
    const operators = await admin('report', { userId: LISTED_ADMIN_ID, dm: true });
    expect(operators).toMatch(/Usage report|Nothing to report/);
    expect(operators).not.toContain('knit');
    expect(operators).not.toContain('pizza');
  });
});

describe('/framework-admin settings', () => {
  it('answers mentions in a server privately (a DM) once its admins ask for it, and only in that server', async () => {
    const saved = await admin('settings', { userId: ADMIN_ID, admin: true }, [{ name: 'change', type: 3, value: 'answers private' }]);
    expect(saved).toMatch(/Saved[\s\S]*privately/);
    expect(await admin('settings', { userId: ADMIN_ID, admin: true, ...otherServer })).toMatch(/answered in the channel/);
    const calls = await h.send('MESSAGE_CREATE', guildMessage('When was PyTorch released?'), 2);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /users/@me/channels', `POST /channels/${DM_CHANNEL_ID}/messages`]);
    expect(JSON.stringify(calls[1]?.body)).toMatch(/2016/);
  });

  it('shows listed follow-up channels as channel links, refuses words that are not channels, and resets', async () => {
    const channel = '200000000000000777';
    expect(await admin('settings', { userId: ADMIN_ID, admin: true }, [{ name: 'change', type: 3, value: `follow-ups <#${channel}>` }])).toContain(`only in <#${channel}>`);
    expect(await admin('settings', { userId: ADMIN_ID, admin: true }, [{ name: 'change', type: 3, value: 'follow-ups general' }])).toMatch(/is not a channel/);
    expect(await admin('settings', { userId: ADMIN_ID, admin: true }, [{ name: 'change', type: 3, value: 'reset' }])).toMatch(/Back to the defaults[\s\S]*in the channel/);
  });

  it('is for administrators only', async () => {
    expect(await admin('settings', { userId: ASKER_ID, admin: false }, [{ name: 'change', type: 3, value: 'answers private' }])).toMatch(/Only server administrators/);
  });

  it('answers un-mentioned follow-ups in a thread it answered in only where the server allows (none by default)', async () => {
    const change = (value: string) => admin('settings', { userId: ADMIN_ID, admin: true }, [{ name: 'change', type: 3, value }]);
    /** Whether a plain message in the thread is answered (given a second and a half to be). */
    const followUpAnswered = async () => {
      const plain = guildMessage('source?', { channelId: THREAD_ID, mentionBot: false });
      const from = h.standIn.calls.length;
      h.standIn.dispatch('MESSAGE_CREATE', plain);
      const isReply = (c: { body: unknown }) => (c.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === plain.id;
      return h.standIn.waitForCalls(isReply, 1, from, 1_500).then(
        () => true,
        () => false,
      );
    };
    await change('reset');
    await h.send('MESSAGE_CREATE', guildMessage('Is PyTorch good for research?', { channelId: THREAD_ID }));
    expect(await followUpAnswered()).toBe(false);
    expect(await change(`follow-ups <#${CHANNEL_ID}>`)).toContain(`only in <#${CHANNEL_ID}>`);
    expect(await followUpAnswered()).toBe(true);
    await change('follow-ups <#200000000000000777>');
    expect(await followUpAnswered()).toBe(false);
    await change('follow-ups all');
    expect(await followUpAnswered()).toBe(true);
    await change('reset');
  });
});
