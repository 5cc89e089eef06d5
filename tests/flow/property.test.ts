/**
 * Property: any sequence of actions — valid answers, back, restart, cancel, stale nonces, garbage ids —
 * never throws, always yields a well-formed step, and finishing the questions always gives a result with
 * at least one citation. Runs on the real flow and knowledge base.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceFlow, type FlowSession } from '../../src/core/flow/machine.ts';
import type { FlowAction, FlowStep } from '../../src/core/flow/types.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { realSnapshot } from './real-flow.ts';

let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});

/** A move picks its ids at run time from the live step, so most moves are meaningful. */
type Move =
  | { kind: 'pick'; index: number }
  | { kind: 'back' }
  | { kind: 'restart' }
  | { kind: 'cancel' }
  | { kind: 'stale' }
  | { kind: 'garbage'; question: string; option: string }
  | { kind: 'start'; presetIndexes: number[] };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('pick' as const), index: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'back' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stale' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), question: fc.string({ maxLength: 20 }), option: fc.string({ maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('start' as const), presetIndexes: fc.array(fc.nat(9), { maxLength: 5 }) }) },
);

function toAction(m: Move, step: FlowStep | undefined, session: FlowSession | undefined): FlowAction {
  const nonce = session?.nonce ?? 'none';
  switch (m.kind) {
    case 'pick':
      if (step?.kind === 'question') return { type: 'answer', nonce: step.nonce, question: step.questionId, option: step.options[m.index % step.options.length]!.id };
      return { type: 'start' };
    case 'back':
      return { type: 'back', nonce };
    case 'restart':
      return { type: 'restart' };
    case 'cancel':
      return { type: 'cancel', nonce };
    case 'stale':
      return { type: 'answer', nonce: `${nonce}x`, question: 'goal', option: 'research' };
    case 'garbage':
      return { type: 'answer', nonce, question: m.question, option: m.option };
    case 'start': {
      const preset = Object.fromEntries(kb.flow.questions.slice(0, m.presetIndexes.length).map((q, i) => [q.id, q.options[m.presetIndexes[i]! % q.options.length]!.id]));
      return { type: 'start', preset };
    }
  }
}

function checkStep(step: FlowStep): void {
  switch (step.kind) {
    case 'question':
      expect(kb.flow.questions.map((q) => q.id)).toContain(step.questionId);
      expect(step.options.length).toBeGreaterThanOrEqual(2);
      expect(step.position).toBeLessThanOrEqual(step.total);
      break;
    case 'result':
      expect(step.recommendation.reasons.length).toBeGreaterThanOrEqual(1);
      for (const r of step.recommendation.reasons) expect(kb.chunkById.has(r.citation.chunkId)).toBe(true);
      expect(step.recommendation.confidence).toBeGreaterThanOrEqual(0.5);
      expect(step.recommendation.confidence).toBeLessThanOrEqual(1);
      break;
    default:
      expect(step.message.length).toBeGreaterThan(0);
  }
}

describe('flow property', () => {
  it('random action sequences never throw and end in a question or a cited result', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        const citeOf = (id: string) => kb.citationFor(id);
        let session: FlowSession | undefined;
        let step: FlowStep | undefined;
        for (const m of moves) {
          const result = advanceFlow(kb.flow, citeOf, session, toAction(m, step, session));
          checkStep(result.step);
          // Like the Desk: keep the stored session unless the machine returned none.
          session = result.session ? (JSON.parse(JSON.stringify(result.session)) as FlowSession) : undefined;
          if (result.step.kind === 'question' || result.step.kind === 'result' || !session) step = result.step;
        }
        // Finish whatever is open by always picking the first option: a cited result within 5 answers.
        if (!session) ({ session, step } = advanceFlow(kb.flow, citeOf, undefined, { type: 'start' }));
        for (let i = 0; i < 6 && step?.kind === 'question'; i++) {
          ({ session, step } = advanceFlow(kb.flow, citeOf, session, { type: 'answer', nonce: step.nonce, question: step.questionId, option: step.options[0]!.id }));
        }
        expect(step?.kind).toBe('result');
        if (step?.kind === 'result') checkStep(step);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary values as actions or stored sessions never throw', () => {
    const citeOf = (id: string) => kb.citationFor(id);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (action, stored) => {
        const { step } = advanceFlow(kb.flow, citeOf, stored as FlowSession, action as FlowAction);
        expect(['question', 'result', 'expired', 'cancelled', 'invalid']).toContain(step.kind);
      }),
      { numRuns: 500 },
    );
  });
});
