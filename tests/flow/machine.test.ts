import { describe, expect, it } from 'vitest';
import { advanceFlow, type FlowSession } from '../../src/core/flow/machine.ts';
import type { FlowAction, FlowStep } from '../../src/core/flow/types.ts';
import { citeOf, fixtureFlow } from './fixture-flow.ts';

const flow = fixtureFlow();

/** Runs actions through the machine like the Desk does (store = the returned session). */
function run(actions: (FlowAction | ((s: FlowSession | undefined) => FlowAction))[]) {
  let session: FlowSession | undefined;
  const steps: FlowStep[] = [];
  for (const a of actions) {
    const action = typeof a === 'function' ? a(session) : a;
    const result = advanceFlow(flow, citeOf, session, action);
    session = result.session;
    steps.push(result.step);
  }
  return { session, steps, last: steps.at(-1)! };
}

const answer =
  (question: string, option: string) =>
  (s: FlowSession | undefined): FlowAction => ({ type: 'answer', nonce: s?.nonce ?? 'none', question, option });
const back = (s: FlowSession | undefined): FlowAction => ({ type: 'back', nonce: s?.nonce ?? 'none' });

describe('advanceFlow', () => {
  it('asks every question in file order, then gives a cited result', () => {
    const { steps, last } = run([
      { type: 'start' },
      answer('goal', 'research'),
      answer('target', 'cloud_server'),
      answer('hardware', 'gpu'),
      answer('domain', 'vision'),
      answer('team', 'none'),
    ]);
    expect(steps.slice(0, 5).map((s) => (s.kind === 'question' ? `${s.questionId} ${s.position}/${s.total}` : s.kind))).toEqual([
      'goal 1/5',
      'target 2/5',
      'hardware 3/5',
      'domain 4/5',
      'team 5/5',
    ]);
    expect(last.kind).toBe('result');
    if (last.kind !== 'result') return;
    expect(last.recommendation.framework).toBe('pytorch');
    expect(last.recommendation.reasons[0]?.citation.chunkId).toBe('fx#research');
  });

  it('skips preset questions and cannot go back past them', () => {
    const { last } = run([{ type: 'start', preset: { goal: 'research', target: 'browser' } }]);
    expect(last).toMatchObject({ kind: 'question', questionId: 'hardware', position: 3, canGoBack: false });
  });

  it('a full preset goes straight to the result', () => {
    const { last } = run([{ type: 'start', preset: { goal: 'production', target: 'mobile_edge', hardware: 'tpu', domain: 'tabular', team: 'tensorflow' } }]);
    expect(last.kind === 'result' && last.recommendation.framework).toBe('tensorflow');
  });

  it('ignores absent preset values (optional command options)', () => {
    expect(run([{ type: 'start', preset: { goal: undefined, target: '', hardware: 'gpu' } }]).last).toMatchObject({
      kind: 'question',
      questionId: 'goal',
      answers: { hardware: 'gpu' },
    });
  });

  it('rejects unknown preset ids, naming the valid ones', () => {
    expect(run([{ type: 'start', preset: { goal: 'fun' } }]).last).toEqual({ kind: 'invalid', message: expect.stringContaining('research, prototyping, production, learning') });
    expect(run([{ type: 'start', preset: { colour: 'red' } as never }]).last).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('goal, target, hardware, domain, team'),
    });
  });

  it('goes back one answer at a time', () => {
    const { last, session } = run([{ type: 'start' }, answer('goal', 'research'), answer('target', 'browser'), back]);
    expect(last).toMatchObject({ kind: 'question', questionId: 'target', canGoBack: true, answers: { goal: 'research' } });
    expect(session?.answers).toEqual({ goal: 'research' });
  });

  it('back from the result reopens the last question', () => {
    const { last } = run([{ type: 'start', preset: { goal: 'research', target: 'browser', hardware: 'gpu', domain: 'other' } }, answer('team', 'none'), back]);
    expect(last).toMatchObject({ kind: 'question', questionId: 'team' });
  });

  it('accepts answers out of order (an older button of the same questionnaire)', () => {
    const { last, session } = run([{ type: 'start' }, answer('goal', 'research'), answer('team', 'pytorch'), answer('goal', 'learning')]);
    expect(last).toMatchObject({ kind: 'question', questionId: 'target' });
    expect(session?.answers).toEqual({ goal: 'learning', team: 'pytorch' });
    expect(session?.history).toEqual(['team', 'goal']);
  });

  it('restart begins a new questionnaire whose nonce invalidates old buttons', () => {
    const first = run([{ type: 'start' }]);
    const oldNonce = first.session!.nonce;
    const restarted = advanceFlow(flow, citeOf, first.session, { type: 'restart' });
    expect(restarted.session?.nonce).not.toBe(oldNonce);
    const stale = advanceFlow(flow, citeOf, restarted.session, { type: 'answer', nonce: oldNonce, question: 'goal', option: 'research' });
    expect(stale.step.kind).toBe('expired');
    // The live questionnaire survives a stale click.
    expect(stale.session).toEqual(restarted.session);
  });

  it('cancel ends the session', () => {
    const { session, last } = run([{ type: 'start' }, (s) => ({ type: 'cancel', nonce: s!.nonce })]);
    expect(session).toBeUndefined();
    expect(last.kind).toBe('cancelled');
  });

  it('a press without a session is expired, with a message pointing to a restart', () => {
    const step = advanceFlow(flow, citeOf, undefined, { type: 'answer', nonce: 'abc', question: 'goal', option: 'research' }).step;
    expect(step).toEqual({ kind: 'expired', message: expect.stringMatching(/expired.*start again/i) });
    expect(advanceFlow(flow, citeOf, undefined, { type: 'back', nonce: 'abc' }).step.kind).toBe('expired');
  });

  it('tampered ids are invalid, name the valid ids and keep the session', () => {
    const started = run([{ type: 'start' }]);
    const nonce = started.session!.nonce;
    const badOption = advanceFlow(flow, citeOf, started.session, { type: 'answer', nonce, question: 'goal', option: 'fun' });
    expect(badOption.step).toEqual({ kind: 'invalid', message: expect.stringContaining('research, prototyping, production, learning') });
    expect(badOption.session).toEqual(started.session);
    const badQuestion = advanceFlow(flow, citeOf, started.session, { type: 'answer', nonce, question: 'budget', option: 'x' });
    expect(badQuestion.step).toEqual({ kind: 'invalid', message: expect.stringContaining('goal, target, hardware, domain, team') });
  });

  it('a corrupted stored session counts as none', () => {
    const corrupt = { v: 2, nonce: 5 } as unknown as FlowSession;
    expect(advanceFlow(flow, citeOf, corrupt, { type: 'back', nonce: 'x' }).step.kind).toBe('expired');
    const restarted = advanceFlow(flow, citeOf, corrupt, { type: 'start' });
    expect(restarted.step.kind).toBe('question');
  });

  it('sessions are plain JSON', () => {
    const { session } = run([{ type: 'start', preset: { goal: 'research' } }, answer('target', 'browser')]);
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });

  it('every question and every option is reachable and accepted', () => {
    for (const question of flow.questions) {
      const others = Object.fromEntries(flow.questions.filter((q) => q.id !== question.id).map((q) => [q.id, q.options[0]!.id]));
      const start = advanceFlow(flow, citeOf, undefined, { type: 'start', preset: others });
      expect(start.step).toMatchObject({ kind: 'question', questionId: question.id });
      if (start.step.kind !== 'question') continue;
      expect(start.step.options.map((o) => o.id)).toEqual(question.options.map((o) => o.id));
      for (const option of question.options) {
        const done = advanceFlow(flow, citeOf, start.session, { type: 'answer', nonce: start.step.nonce, question: question.id, option: option.id });
        expect(done.step.kind).toBe('result');
        expect(done.session?.answers[question.id]).toBe(option.id);
      }
    }
  });
});
