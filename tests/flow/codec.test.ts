import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFlowAction, encodeFlowAction } from '../../src/core/flow/action-codec.ts';
import type { FlowAction } from '../../src/core/flow/types.ts';

const id = fc.stringMatching(/^[a-z0-9_]{1,32}$/);
const nonce = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
const question = fc.constantFrom('goal', 'target', 'hardware', 'domain', 'team');
const action: fc.Arbitrary<FlowAction> = fc.oneof(
  fc.record({ type: fc.constant('answer' as const), nonce, question: id, option: id }),
  fc.record({ type: fc.constant('back' as const), nonce }),
  fc.record({ type: fc.constant('cancel' as const), nonce }),
  fc.constant({ type: 'restart' as const }),
  fc.constant({ type: 'start' as const }),
  fc.record({ type: fc.constant('start' as const), preset: fc.dictionary(question, fc.stringMatching(/^[a-z_]{1,12}$/), { minKeys: 1 }) }),
);

describe('flow action codec', () => {
  it('round-trips every action within 100 characters', () => {
    fc.assert(
      fc.property(action, (a) => {
        const encoded = encodeFlowAction(a);
        expect(encoded.length).toBeLessThanOrEqual(100);
        expect(decodeFlowAction(encoded)).toEqual(a);
      }),
    );
  });

  it('a full answer with the longest contract ids fits', () => {
    expect(encodeFlowAction({ type: 'answer', nonce: 'AbCdEfGh', question: 'hardware', option: 'cloud_server' })).toBe('cf1|a|AbCdEfGh|hardware|cloud_server');
  });

  it('rejects garbage and tampered values without throwing', () => {
    for (const bad of [
      '',
      'cf1',
      'cf1|a|n|goal',
      'cf1|a|n|goal|Research',
      'cf1|a|n|goal|x|y',
      'cf2|r',
      'cf1|r|x',
      'cf1|s|colour=red',
      'cf1|s|goal',
      'cf1|s|goal=a=b',
      'fd:share',
      `cf1|b|${'x'.repeat(30)}`,
      'x'.repeat(500),
    ]) {
      expect(decodeFlowAction(bad), bad).toBeUndefined();
    }
    expect(decodeFlowAction(undefined)).toBeUndefined();
    expect(decodeFlowAction(42)).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => void decodeFlowAction(s)));
  });

  it('refuses to encode ids that cannot round-trip', () => {
    expect(() => encodeFlowAction({ type: 'answer', nonce: 'n', question: 'goal', option: 'a|b' })).toThrow(/cannot go into a button value/);
  });
});
