/**
 * Follow-ups on Slack through the real Bolt app over signed HTTP: a thread is one conversation (team +
 * channel + thread_ts), a DM is one conversation threads and all, and nothing leaks between threads,
 * channels or workspaces.
 */
import { describe, expect, it } from 'vitest';
import { blockText, useHarness } from './harness.ts';
import { appMention, DM_CHANNEL, message, nextTs } from './payloads.ts';

const h = useHarness();

/** Sends an event and returns the text of the bot's reply to it. */
async function reply(payload: Record<string, unknown>): Promise<string> {
  const before = h().standIn.messages().length;
  await h().event(payload);
  await h().standIn.waitFor(() => h().standIn.messages().length > before, 5_000, 'the reply');
  return h().standIn.messages().slice(before).map(blockText).join('\n');
}

describe('Slack follow-ups', () => {
  it('a plain reply in the thread continues its question; another thread does not', async () => {
    const root = nextTs();
    await reply(appMention({ text: 'is pytorch better for research?', ts: root }));
    const sources = await reply(message({ text: 'source?', channelType: 'channel', threadTs: root }));
    expect(sources).toMatch(/Sources for “is pytorch better for research\?”/);
    expect(sources).toMatch(/\*\[1\]\*/);
    // A mention inside the thread is the same conversation too.
    const followUp = await reply(appMention({ text: 'and for beginners?', threadTs: root }));
    expect(followUp).toMatch(/\*\[1\]\*/);
    const elsewhere = await reply(appMention({ text: 'source?' }));
    expect(elsewhere).toMatch(/Sources for which answer\?/);
  });

  it('a DM is one conversation, also when the person answers in a thread in it', async () => {
    await reply(message({ text: 'when was pytorch released?', channelType: 'im' }));
    const inThread = await reply(message({ text: 'source?', channelType: 'im', threadTs: nextTs() }));
    expect(inThread).toMatch(/Sources for “when was pytorch released\?”/);
    expect(inThread).toMatch(/September 2016/);
    // Another person's DM with the bot is another channel.
    const other = await reply(message({ text: 'source?', channelType: 'im', user: 'U0OTHER001', channel: 'D0DIRECT02' }));
    expect(other).toMatch(/Sources for which answer\?/);
    expect(DM_CHANNEL).not.toBe('D0DIRECT02');
  });

  it('the same channel and thread_ts in another workspace is another conversation', async () => {
    const root = nextTs();
    await reply(appMention({ text: 'which framework is better for production?', ts: root }));
    const otherTeam = appMention({ text: 'source?', threadTs: root });
    otherTeam.team_id = 'T0OTHER001';
    expect(await reply(otherTeam)).toMatch(/Sources for which answer\?/);
  });
});
