/**
 * `/framework-desk settings` with one bot token (the harness: real Bolt over signed HTTP): admins only,
 * and the settings change how this workspace is answered — follow-ups only in the listed channels, or
 * none, and private (ephemeral) answers to mentions.
 */
import { describe, expect, it } from 'vitest';
import { blockText, useHarness } from './harness.ts';
import { ADMIN, appMention, CHANNEL, message, nextTs, slashCommand, USER } from './payloads.ts';
import type { RecordedCall } from './standin.ts';

const h = useHarness();
let responses = 0;

async function settings(text: string, user = ADMIN): Promise<string> {
  const id = `set${++responses}`;
  await h().command(slashCommand('/framework-desk', `settings ${text}`.trim(), h().standIn.responseUrl(id), user));
  await h().standIn.waitFor(() => h().standIn.calls.some((c) => c.method === `response:${id}`), 5_000, 'the settings reply');
  return blockText(h().standIn.calls.find((c) => c.method === `response:${id}`) as RecordedCall);
}

/** Starts a thread with a mention in `channel` and returns its ts once the bot answered. */
async function answeredThread(channel: string): Promise<string> {
  const root = nextTs();
  const before = h().standIn.messages().length;
  await h().event(appMention({ text: 'is pytorch better for research?', ts: root, channel }));
  await h().standIn.waitFor(() => h().standIn.messages().length > before, 5_000, 'the answer');
  return root;
}

/** Whether a plain reply in the thread is answered (waiting for a later mention elsewhere as the fence). */
async function followUpAnswered(channel: string, root: string): Promise<boolean> {
  await h().event(message({ text: 'source?', channelType: 'channel', threadTs: root, channel }));
  await answeredThread('C0FENCE001');
  return h()
    .standIn.messages()
    .some((c) => c.body.thread_ts === root && c.body.channel === channel && blockText(c).includes('Sources for'));
}

describe('/framework-desk settings (single workspace)', () => {
  it('shows the defaults with usage, and refuses non-admins', async () => {
    const shown = await settings('');
    expect(shown).toMatch(/answered in the channel/);
    expect(shown).toMatch(/without a mention in every channel/);
    expect(shown).toMatch(/follow-ups #channel/);
    expect(await settings('answers private', USER)).toMatch(/only Framework Desk admins/);
    expect(await settings('')).toMatch(/answered in the channel/);
  });

  it('answers follow-ups only in the listed channels, then nowhere, then everywhere again', async () => {
    expect(await settings(`follow-ups <#${CHANNEL}|general>`)).toMatch(new RegExp(`only in #${CHANNEL}`));
    expect(await followUpAnswered(CHANNEL, await answeredThread(CHANNEL))).toBe(true);
    expect(await followUpAnswered('C0UNLISTED', await answeredThread('C0UNLISTED'))).toBe(false);
    expect(await settings('follow-ups none')).toMatch(/nowhere/);
    expect(await followUpAnswered(CHANNEL, await answeredThread(CHANNEL))).toBe(false);
    expect(await settings('reset')).toMatch(/Back to the defaults/);
    expect(await followUpAnswered('C0UNLISTED', await answeredThread('C0UNLISTED'))).toBe(true);
  });

  it('explains a bad change and keeps the old settings', async () => {
    expect(await settings('answers loudly')).toMatch(/`answers` takes one word/);
    expect(await settings('follow-ups #general')).toMatch(/is not a channel/);
    expect(await settings('colour blue')).toMatch(/I don't know the setting "colour"/);
    expect(await settings('')).toMatch(/answered in the channel[\s\S]*every channel/);
  });

  it('answers mentions privately once set, with an ephemeral message to the asker only', async () => {
    await settings('answers private');
    const before = h().standIn.calls.length;
    await h().event(appMention({ text: 'When was PyTorch released?' }));
    await h().standIn.waitFor(
      () =>
        h()
          .standIn.calls.slice(before)
          .some((c) => c.method === 'chat.postEphemeral'),
      5_000,
      'the private answer',
    );
    const sent = h()
      .standIn.calls.slice(before)
      .filter((c) => c.method.startsWith('chat.post'));
    expect(sent.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    expect(sent[0]?.body.user).toBe(USER);
    await settings('reset');
  });
});
