import { describe, expect, it } from 'vitest';
import { parseFlowPreset } from '../../src/core/flow/preset.ts';
import { renderScoreBars } from '../../src/core/flow/score-bars.ts';
import { fixtureFlow } from './fixture-flow.ts';

const NAMES: Record<string, string> = { tensorflow: 'TensorFlow', pytorch: 'PyTorch', jax: 'JAX' };
const bars = (scores: Record<string, number>) => ({
  scores,
  ranking: Object.entries(scores).map(([framework, score]) => ({ framework, name: NAMES[framework] ?? framework, score })),
});

describe('renderScoreBars', () => {
  it('draws aligned bars scaled to the leader', () => {
    expect(renderScoreBars(bars({ tensorflow: 7, pytorch: 3.5 }))).toBe('TensorFlow ██████████ 7.0\nPyTorch    █████░░░░░ 3.5');
  });
  it('copes with zeros and nonsense', () => {
    expect(renderScoreBars(bars({ tensorflow: 0, pytorch: 0 }))).toBe('TensorFlow ░░░░░░░░░░ 0.0\nPyTorch    ░░░░░░░░░░ 0.0');
    expect(renderScoreBars(bars({ tensorflow: Number.NaN, pytorch: -2 }))).toContain('0.0');
  });
  it('draws one bar per framework, in the order of `scores`, aligned to the longest name', () => {
    expect(renderScoreBars(bars({ tensorflow: 2, pytorch: 4, jax: 8 }))).toBe('TensorFlow ███░░░░░░░ 2.0\nPyTorch    █████░░░░░ 4.0\nJAX        ██████████ 8.0');
  });
  it('falls back on ids for a recommendation stored before it carried names', () => {
    expect(renderScoreBars({ scores: { tensorflow: 1, pytorch: 2 } } as never)).toBe('tensorflow █████░░░░░ 1.0\npytorch    ██████████ 2.0');
  });
});

describe('parseFlowPreset', () => {
  it('reads `:` and `=`, any case, dashes for underscores', () => {
    expect(parseFlowPreset('goal:research  target=Mobile-Edge')).toEqual({ answers: { goal: 'research', target: 'mobile_edge' }, errors: [] });
  });
  it('names valid questions, and with a flow valid options', () => {
    const flow = fixtureFlow();
    const result = parseFlowPreset('colour:red goal:fun hardware:tpu nonsense', flow);
    expect(result.answers).toEqual({ hardware: 'tpu' });
    expect(result.errors).toEqual([
      'there is no question "colour" — use one of goal, target, hardware, domain, team',
      '"fun" is not an option for goal — use one of research, prototyping, production, learning',
      '"nonsense" is not question:option — e.g. goal:research',
    ]);
  });
  it('suggests the closest id for typos', () => {
    expect(parseFlowPreset('goal:reserch hardwar:tpu', fixtureFlow()).errors).toEqual([
      '"reserch" is not an option for goal (did you mean research?) — use one of research, prototyping, production, learning',
      'there is no question "hardwar" (did you mean hardware?) — use one of goal, target, hardware, domain, team',
    ]);
  });
  it('empty text is no presets; huge text is bounded', () => {
    expect(parseFlowPreset('   ')).toEqual({ answers: {}, errors: [] });
    expect(parseFlowPreset('x'.repeat(100_000)).errors[0]!.length).toBeLessThan(100);
  });
});
