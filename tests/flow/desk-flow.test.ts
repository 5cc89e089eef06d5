/** The flow through the Desk and MemoryStore, as adapters use it: sessions per user and conversation, expiry. */
import { describe, expect, it } from 'vitest';
import { decodeFlowAction, encodeFlowAction } from '../../src/core/flow/action-codec.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { Requester } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const alice: Requester = { platform: 'slack', userId: 'U1', conversation: 'C1' };
const bob: Requester = { platform: 'slack', userId: 'U2', conversation: 'C1' };

async function setup() {
  let now = 1_000_000;
  const store = new MemoryStore({ now: () => now });
  const desk = await createDesk({ knowledgeDir: 'knowledge', store });
  return { desk, advance: (ms: number) => void (now += ms) };
}

describe('flow through the Desk', () => {
  it('a button pressed after 30 idle minutes is expired, and restart works', async () => {
    const { desk, advance } = await setup();
    const first = await desk.flow(alice, { type: 'start' });
    if (first.kind !== 'question') throw new Error('expected a question');
    const button = encodeFlowAction({ type: 'answer', nonce: first.nonce, question: first.questionId, option: first.options[0]!.id });
    advance(29 * 60_000);
    const second = await desk.flow(alice, decodeFlowAction(button)!);
    expect(second.kind).toBe('question');
    advance(30 * 60_000 + 1);
    if (second.kind !== 'question') return;
    const late = await desk.flow(alice, { type: 'answer', nonce: second.nonce, question: second.questionId, option: second.options[0]!.id });
    expect(late).toEqual({ kind: 'expired', message: expect.stringMatching(/start again/) });
    expect((await desk.flow(alice, { type: 'restart' })).kind).toBe('question');
  });

  it("someone else's button press does not touch my questionnaire", async () => {
    const { desk } = await setup();
    const mine = await desk.flow(alice, { type: 'start' });
    if (mine.kind !== 'question') throw new Error('expected a question');
    const theirs = await desk.flow(bob, { type: 'answer', nonce: mine.nonce, question: 'goal', option: 'research' });
    expect(theirs.kind).toBe('expired');
    const next = await desk.flow(alice, { type: 'answer', nonce: mine.nonce, question: 'goal', option: 'learning' });
    expect(next).toMatchObject({ kind: 'question', answers: { goal: 'learning' } });
  });

  it('the same user has separate questionnaires per conversation', async () => {
    const { desk } = await setup();
    const here = await desk.flow(alice, { type: 'start', preset: { goal: 'research' } });
    const there = await desk.flow({ ...alice, conversation: 'C2' }, { type: 'start' });
    expect(here).toMatchObject({ kind: 'question', questionId: 'target' });
    expect(there).toMatchObject({ kind: 'question', questionId: 'goal' });
  });

  it('a finished questionnaire can still go back from the result', async () => {
    const { desk } = await setup();
    const result = await desk.flow(alice, { type: 'start', preset: { goal: 'research', target: 'browser', hardware: 'gpu', domain: 'other', team: 'none' } });
    expect(result.kind).toBe('result');
    if (result.kind !== 'result') return;
    // Presets are not undone by back: there is nothing to go back to, so the result stays.
    expect((await desk.flow(alice, { type: 'back', nonce: result.nonce })).kind).toBe('result');
  });

  it('a corrupt stored session (not JSON, or the wrong shape) is treated as none, never a crash', async () => {
    const store = new MemoryStore();
    const desk = await createDesk({ knowledgeDir: 'knowledge', store });
    const key = `flow:${alice.platform}:${alice.userId}:${alice.conversation}`;
    for (const junk of ['{not json', '"a string"', '{"v":99}']) {
      await store.setSession(key, junk, 60_000);
      const press = await desk.flow(alice, { type: 'answer', nonce: 'old', question: 'goal', option: 'research' });
      expect(press.kind).toBe('expired');
      await store.setSession(key, junk, 60_000);
      expect(await desk.flow(alice, { type: 'start' })).toMatchObject({ kind: 'question', questionId: 'goal' });
    }
  });
});
