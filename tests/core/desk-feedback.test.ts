/** 👍/👎 through the Desk: a vote is tied to the answer it rates, counts once per person; unknown or corrupt ids count nothing. */
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { Requester } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const who: Requester = { platform: 'discord', userId: 'U9', conversation: 'C9' };

describe('feedback through the Desk', () => {
  it('records a down-vote with the question and the cited chunks of that answer', async () => {
    const store = new MemoryStore();
    const desk = await createDesk({ knowledgeDir: 'knowledge', store });
    const answer = await desk.ask('is pytorch good for research?', who);
    expect(answer.answered).toBe(true);
    expect(await desk.recordFeedback(answer.id!, 'down', who)).toBe('recorded');
    // One vote per person per answer, whichever button and however often: the report counts one.
    expect(await desk.recordFeedback(answer.id!, 'down', who)).toBe('already-rated');
    expect(await desk.recordFeedback(answer.id!, 'up', who)).toBe('already-rated');
    expect(await desk.recordFeedback(answer.id!, 'down', { ...who, platform: 'slack' })).toBe('recorded');
    const report = await desk.report(10);
    expect(report.downvoted[0]).toMatchObject({ question: 'is pytorch good for research?', down: 2, up: 0 });
  });

  it('refuses votes for unknown answers and for corrupt stored context, without throwing', async () => {
    const store = new MemoryStore();
    const desk = await createDesk({ knowledgeDir: 'knowledge', store });
    expect(await desk.recordFeedback('nope', 'up', who)).toBe('expired');
    for (const junk of ['{broken', '{"question":42}', '[]']) {
      await store.setSession('answer:bad', junk, 60_000);
      expect(await desk.recordFeedback('bad', 'up', who)).toBe('expired');
    }
    expect((await desk.report(10)).downvoted).toEqual([]);
  });
});
