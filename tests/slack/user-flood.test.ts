/** A user flooding the bot (RATE_LIMIT_PER_MINUTE): one answer, one "slow down", then silence — never a reply per message. */
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { blockText, useHarness } from './harness.ts';
import { appMention } from './payloads.ts';

const h = useHarness(async () => ({
  desk: await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore(), rateLimit: { limit: 1, windowMs: 60_000 } }),
}));

describe('Slack under a flooding user', () => {
  it('answers once, says "slow down" once, and posts nothing for the rest of the window', async () => {
    const posts = () => h().standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200);
    for (let i = 0; i < 6; i++) await h().event(appMention({ text: `Is PyTorch good for research? (${i})`, user: 'U0FLOOD' }));
    await h().standIn.waitFor(() => posts().length >= 2, 5_000, 'the answer and the notice');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(posts()).toHaveLength(2);
    expect(posts().map(blockText).join('\n')).toMatch(/faster than I can keep up/);
    // Someone else is still answered.
    await h().event(appMention({ text: 'Is PyTorch good for research?', user: 'U0CALM' }));
    await h().standIn.waitFor(() => posts().length === 3, 5_000, 'the other user’s answer');
  });
});
