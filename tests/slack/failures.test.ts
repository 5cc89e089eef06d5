/**
 * When the core fails or is slow: Slack still gets its ack within 3 seconds, the user gets a short
 * apology (never a stack trace), the error is logged, and the bot keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { blockText, useHarness } from './harness.ts';
import { appMention, blockAction, slashCommand } from './payloads.ts';

let mode: 'ok' | 'throw' | 'slow' = 'ok';
const h = useHarness(async () => {
  const real = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore() });
  const flaky: Desk = {
    ...real,
    status: () => real.status(),
    suggestTopics: (p, l) => real.suggestTopics(p, l),
    async ask(question, who) {
      if (mode === 'throw') throw new Error('index exploded: secret internals');
      if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 3_500));
      return real.ask(question, who);
    },
    async flow(who, action) {
      if (mode === 'throw') throw new Error('flow exploded');
      return real.flow(who, action);
    },
    reload: (t) => real.reload(t),
    recordFeedback: (id, v, w) => real.recordFeedback(id, v, w),
    report: (l) => real.report(l),
  };
  return { desk: flaky };
});

describe('Slack when the core fails', () => {
  it('apologises in the thread and logs when answering throws, then keeps answering', async () => {
    mode = 'throw';
    const before = h().standIn.messages().length;
    await h().event(appMention({ text: 'Is PyTorch good for research?' }));
    await h().standIn.waitFor(() => h().standIn.messages().length > before, 5_000, 'the apology');
    const apology = blockText(h().standIn.messages().at(-1)!);
    expect(apology).toContain('Sorry');
    expect(apology).not.toContain('exploded');
    expect(h().logs.some((l) => l.level >= 50 && l.msg === 'Slack answer failed')).toBe(true);

    const r = h().standIn.responseUrl('flow-throw');
    await h().command(slashCommand('/choose-framework', '', r));
    await h().action(blockAction({ action_id: 'fd_flow_0', value: 'cf1|r' }, { responseUrl: h().standIn.responseUrl('click-throw') }));
    await h().standIn.waitFor(() => ['response:flow-throw', 'response:click-throw'].every((m) => h().standIn.calls.some((c) => c.method === m)), 5_000, 'apologies');
    expect(
      h()
        .standIn.calls.filter((c) => c.method.endsWith('-throw'))
        .map(blockText)
        .join(),
    ).toContain('Sorry');

    mode = 'ok';
    const after = h().standIn.messages().length;
    await h().event(appMention({ text: 'Is PyTorch good for research?' }));
    await h().standIn.waitFor(() => h().standIn.messages().length > after, 5_000, 'a normal answer');
    expect(h().problems()).toEqual([]);
  });

  it('acks within 3 s even when answering takes longer, and still answers once', async () => {
    mode = 'slow';
    const before = h().standIn.messages().length;
    const event = await h().event(appMention({ text: 'Which is easier to deploy on mobile?' }));
    const command = await h().command(slashCommand('/framework-ask', 'Is PyTorch good for research?', h().standIn.responseUrl('slow')));
    // Slack's rule is 3 s; the acks do not wait for the 3.5 s answer at all.
    expect(event.ms).toBeLessThan(3_000);
    expect(command.ms).toBeLessThan(3_000);
    await h().standIn.waitFor(() => h().standIn.messages().length >= before + 2, 8_000, 'both slow answers');
    mode = 'ok';
  }, 15_000);
});
