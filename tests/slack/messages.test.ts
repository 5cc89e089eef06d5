/**
 * Mentions, DMs and thread replies through the real Bolt app over signed HTTP: one cited answer in the
 * right place, never two, never for bots, never for forged or stale requests — and nothing that could
 * ping a channel comes out.
 */
import { describe, expect, it } from 'vitest';
import { blockText, buttonsOf, useHarness } from './harness.ts';
import { CHANNEL, DM_CHANNEL, appMention, message, nextTs } from './payloads.ts';
import { BOT_ID, BOT_USER_ID } from './standin.ts';

const h = useHarness();

const posts = () => h().standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200);
/** Lets any (wrongly) late answer arrive before asserting there was none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('Slack messages', () => {
  it('answers a mention once, in its thread, with cited snippets and feedback buttons', async () => {
    const before = posts().length;
    const ts = nextTs();
    const ack = await h().event(appMention({ text: 'Which framework is easier to deploy on mobile phones?', ts }));
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3_000);
    await h().standIn.waitFor(() => posts().length > before, 5_000, 'the answer');
    await settle();
    const answers = posts().slice(before);
    expect(answers).toHaveLength(1);
    const answer = answers[0]!;
    expect(answer.body.channel).toBe(CHANNEL);
    expect(answer.body.thread_ts).toBe(ts);
    expect(blockText(answer)).toMatch(/\*\[1\]\*/);
    expect(JSON.stringify(answer.body.blocks)).toContain('"type":"context"');
    // The blocks arrive as Block Kit JSON, not as a string of it (the adapter hands the WebClient text).
    expect(Array.isArray(answer.body.blocks)).toBe(true);
    expect(answer.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(buttonsOf(answer).map((b) => b.action_id)).toEqual(['fd_vote_up', 'fd_vote_down']);
    expect(h().problems()).toEqual([]);
  });

  it('answers a direct message in the DM, and follows up in a thread it answered', async () => {
    const before = posts().length;
    await h().event(message({ text: 'Is PyTorch good for research?', channelType: 'im' }));
    await h().standIn.waitFor(() => posts().length > before, 5_000, 'the DM answer');
    expect(posts().at(-1)!.body.channel).toBe(DM_CHANNEL);

    const root = nextTs();
    await h().event(appMention({ text: 'What is TensorFlow Lite for?', ts: root }));
    await h().standIn.waitFor(() => posts().length > before + 1, 5_000, 'the mention answer');
    // A plain reply in that thread (no mention) continues there…
    await h().event(message({ text: 'And how does PyTorch handle mobile?', channelType: 'channel', threadTs: root }));
    await h().standIn.waitFor(() => posts().length > before + 2, 5_000, 'the thread follow-up');
    expect(posts().at(-1)!.body.thread_ts).toBe(root);
    // …but a reply in someone else's thread is not ours to answer.
    await h().event(message({ text: 'What about mobile?', channelType: 'channel', threadTs: nextTs() }));
    await settle();
    expect(posts()).toHaveLength(before + 3);
    expect(h().problems()).toEqual([]);
  });

  it('ignores its own messages and other bots', async () => {
    const before = posts().length;
    await h().event(message({ text: 'Is PyTorch good for research?', channelType: 'im', user: BOT_USER_ID, extra: { bot_id: BOT_ID } }));
    await h().event(message({ text: 'Is PyTorch good for research?', channelType: 'im', user: 'U0OTHERBOT', extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } }));
    await h().event(appMention({ text: 'deploy on mobile?', user: 'U0OTHERBOT', extra: { bot_id: 'B0OTHER' } }));
    await h().event(message({ text: 'edited', channelType: 'im', extra: { subtype: 'message_changed' } }));
    await settle();
    expect(posts()).toHaveLength(before);
  });

  it('answers an event delivered three times (Slack retries) exactly once', async () => {
    const before = posts().length;
    const payload = appMention({ text: 'Which is faster to train, PyTorch or TensorFlow?' });
    const acks = [await h().event(payload), await h().event(payload, 1), await h().event(payload, 2)];
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200]);
    // The same message arriving as a thread `message` event too (mention inside a thread) is also one answer.
    await h().standIn.waitFor(() => posts().length > before, 5_000, 'the answer');
    await settle();
    expect(posts()).toHaveLength(before + 1);
  });

  it('answers a mention that also arrives as a message event only once', async () => {
    const before = posts().length;
    const root = nextTs();
    await h().event(appMention({ text: 'What is TensorFlow Lite for?', ts: root }));
    await h().standIn.waitFor(() => posts().length > before, 5_000, 'first answer');
    const ts = nextTs();
    // Slack sends app_mention *and* message.channels for a mention inside a followed thread.
    await Promise.all([
      h().event(appMention({ text: 'and PyTorch Mobile?', ts, threadTs: root })),
      h().event(message({ text: `<@${BOT_USER_ID}> and PyTorch Mobile?`, ts, threadTs: root, channelType: 'channel' })),
    ]);
    await h().standIn.waitFor(() => posts().length > before + 1, 5_000, 'second answer');
    await settle();
    expect(posts()).toHaveLength(before + 2);
  });

  it('rejects forged and stale requests with 401 and posts nothing', async () => {
    const before = h().standIn.calls.length;
    const body = JSON.stringify(appMention({ text: 'Which is easier to deploy on mobile?' }));
    const forged = await h().post(body, 'application/json', { secret: 'not-the-signing-secret' });
    const tampered = await h().post(body, 'application/json', { signature: `v0=${'0'.repeat(64)}` });
    const stale = await h().post(body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([forged.status, tampered.status, stale.status]).toEqual([401, 401, 401]);
    await settle();
    expect(h().standIn.calls.length).toBe(before);
  });

  it('answers the URL verification challenge', async () => {
    const res = await h().post(JSON.stringify({ type: 'url_verification', token: 't', challenge: 'abc123' }), 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toContain('abc123');
  });

  it('handles a 40,000-character question within limits', async () => {
    const before = posts().length;
    const question = 'How do PyTorch and TensorFlow compare for deployment on mobile? '.repeat(700).slice(0, 40_000);
    const ack = await h().event(appMention({ text: question }));
    expect(ack.status).toBe(200);
    await h().standIn.waitFor(() => posts().length > before, 8_000, 'the long answer');
    expect(h().problems()).toEqual([]);
  });

  it('never lets <!channel>, <!here>, <!everyone> or user mentions out', async () => {
    const before = posts().length;
    await h().event(appMention({ text: '<!channel> <!here|here> <!everyone> <@U0VICTIM> @channel is PyTorch good for research? &lt;!channel&gt;' }));
    await h().event(message({ text: '<!subteam^S123|@team> @here which framework for mobile <@U0VICTIM|bob>?', channelType: 'im' }));
    await h().standIn.waitFor(() => posts().length >= before + 2, 5_000, 'both answers');
    const out = posts().slice(before).map(blockText).join('\n');
    expect(out).not.toMatch(/<[!@]/);
    expect(h().problems()).toEqual([]);
  });

  it('survives malformed events: acked, logged or ignored, nothing posted, still answering', async () => {
    const before = posts().length;
    const broken = [
      { ...appMention({ text: 'x' }), event: { type: 'app_mention' } },
      { ...appMention({ text: 'x' }), event: { type: 'app_mention', user: 42, channel: null, text: { nested: true } } },
      { ...message({ text: 'x', channelType: 'im' }), event: { type: 'message', channel_type: 'im', ts: 'nope' } },
    ];
    for (const payload of broken) expect((await h().event(payload)).status).toBe(200);
    expect((await h().post('{not json', 'application/json')).status).toBe(400);
    await settle();
    expect(posts()).toHaveLength(before);
    await h().event(appMention({ text: 'Is PyTorch good for research?' }));
    await h().standIn.waitFor(() => posts().length > before, 5_000, 'an answer after the garbage');
  });
});
