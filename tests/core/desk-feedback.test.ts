/** 👍/👎 through the Desk: a vote is tied to the answer it rates; unknown or corrupt answer ids count nothing. */
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
    expect(await desk.recordFeedback(answer.id!, 'down', who)).toBe(true);
    const report = await desk.report(10);
    expect(report.downvoted[0]).toMatchObject({ question: 'is pytorch good for research?', down: 1 });
  });

  it('refuses votes for unknown answers and for corrupt stored context, without throwing', async () => {
    const store = new MemoryStore();
    const desk = await createDesk({ knowledgeDir: 'knowledge', store });
    expect(await desk.recordFeedback('nope', 'up', who)).toBe(false);
    for (const junk of ['{broken', '{"question":42}', '[]']) {
      await store.setSession('answer:bad', junk, 60_000);
      expect(await desk.recordFeedback('bad', 'up', who)).toBe(false);
    }
    expect((await desk.report(10)).downvoted).toEqual([]);
  });
});
