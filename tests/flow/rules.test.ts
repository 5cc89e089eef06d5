/**
 * Each rule the issue documents, as a user profile with the framework the sources point to. Profiles
 * answer everything else neutrally (cloud, GPU, other domain, no team) unless the rule is about that.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceFlow } from '../../src/core/flow/machine.ts';
import { recommend } from '../../src/core/flow/recommend.ts';
import type { FlowAnswers } from '../../src/core/flow/types.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { realSnapshot } from './real-flow.ts';

let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await realSnapshot();
});
const rec = (answers: FlowAnswers) => recommend(kb.flow, (id) => kb.citationFor(id), answers);
const neutral: FlowAnswers = { target: 'cloud_server', hardware: 'gpu', domain: 'other', team: 'none' };

const profiles: [string, FlowAnswers, 'tensorflow' | 'pytorch', RegExp][] = [
  ['mobile/edge → TF Lite', { ...neutral, goal: 'prototyping', target: 'mobile_edge' }, 'tensorflow', /Lite/],
  ['browser → TF.js', { ...neutral, goal: 'prototyping', target: 'browser' }, 'tensorflow', /TensorFlow\.js/],
  ['TPUs', { ...neutral, goal: 'prototyping', hardware: 'tpu' }, 'tensorflow', /TPU/],
  ['existing TensorFlow team or pipelines', { ...neutral, goal: 'prototyping', team: 'tensorflow' }, 'tensorflow', /TensorFlow expertise|TFX/],
  ['production on servers', { ...neutral, goal: 'production' }, 'tensorflow', /production|Serving/i],
  ['research', { ...neutral, goal: 'research' }, 'pytorch', /research/i],
  ['learning', { ...neutral, goal: 'learning' }, 'pytorch', /newcomers/],
  ['Hugging Face / generative AI', { ...neutral, domain: 'nlp_genai' }, 'pytorch', /Hugging Face/],
  ['fast prototyping', { ...neutral, goal: 'prototyping' }, 'pytorch', /prototyping/],
  ['PyTorch team', { ...neutral, goal: 'production', team: 'pytorch' }, 'pytorch', /team/],
];

describe('the real /choose-framework rules', () => {
  it.each(profiles)('%s', (_name, answers, framework, reason) => {
    const r = rec(answers);
    expect(r.framework).toBe(framework);
    expect(r.reasons.some((x) => reason.test(x.text))).toBe(true);
    expect(r.reasons.every((x) => kb.chunkById.has(x.citation.chunkId))).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('conflicting answers (research now, phones later) → stronger side, hybrid path, lower confidence', () => {
    const clear = rec({ ...neutral, goal: 'research', domain: 'nlp_genai' });
    const conflicted = rec({ ...neutral, goal: 'research', domain: 'nlp_genai', target: 'mobile_edge' });
    expect(conflicted.framework).toBe('pytorch');
    expect(conflicted.hybrid?.text).toMatch(/convert/);
    expect(conflicted.hybrid?.text).toMatch(/ONNX/);
    expect(kb.chunkById.get(conflicted.hybrid!.citation.chunkId)?.body).toMatch(/hybrid/);
    expect(clear.hybrid).toBeUndefined();
    expect(conflicted.confidence).toBeLessThan(clear.confidence);
    expect(conflicted.runnerUp.bestCase?.text).toMatch(/Lite/);
  });

  it('missing answers are no preference: nothing answered is a cited, hedged default', () => {
    const r = rec({});
    expect(r.scores).toEqual({ tensorflow: 0, pytorch: 0 });
    expect(r.confidence).toBe(0.5);
    expect(r.reasons).toHaveLength(1);
    expect(r.wouldChange.length).toBeGreaterThan(0);
  });

  it('a strong one-sided profile is confident, not certain', () => {
    const r = rec({ goal: 'production', target: 'mobile_edge', hardware: 'tpu', domain: 'tabular', team: 'tensorflow' });
    expect(r.framework).toBe('tensorflow');
    expect(r.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.confidence).toBeLessThanOrEqual(kb.flow.confidence.max);
    expect(r.reasons).toHaveLength(kb.flow.maxReasons);
  });

  it('says what would change the verdict, and that change really does flip it', () => {
    const answers: FlowAnswers = { ...neutral, goal: 'research' };
    const r = rec(answers);
    expect(r.wouldChange[0]).toMatch(/would tip it to TensorFlow/);
    const flipped = rec({ ...answers, goal: 'production', target: 'mobile_edge' });
    expect(flipped.framework).toBe('tensorflow');
  });

  it('every rule cites a chunk that exists, and its reason shares key words with that chunk', () => {
    for (const rule of [...kb.flow.rules, kb.flow.hybrid, kb.flow.tie]) {
      const chunk = kb.chunkById.get(rule.cite);
      expect(chunk, rule.cite).toBeDefined();
      const body = `${chunk!.heading} ${chunk!.body}`.toLowerCase();
      const words = rule.reason.toLowerCase().match(/[a-z][a-z.]{4,}/g) ?? [];
      const shared = words.filter((w) => body.includes(w.replace(/\.$/, '')));
      expect(shared.length / words.length, `${rule.cite}: ${rule.reason}`).toBeGreaterThan(0.3);
    }
  });

  it('every question and option of the real flow is reachable and leads to a cited result', () => {
    const citeOf = (id: string) => kb.citationFor(id);
    let results = 0;
    for (const question of kb.flow.questions) {
      const others = Object.fromEntries(kb.flow.questions.filter((q) => q.id !== question.id).map((q) => [q.id, q.options[0]!.id]));
      const start = advanceFlow(kb.flow, citeOf, undefined, { type: 'start', preset: others });
      expect(start.step).toMatchObject({ kind: 'question', questionId: question.id });
      if (start.step.kind !== 'question') continue;
      for (const option of start.step.options) {
        const done = advanceFlow(kb.flow, citeOf, start.session, { type: 'answer', nonce: start.step.nonce, question: question.id, option: option.id });
        expect(done.step.kind === 'result' && done.step.recommendation.reasons.length).toBeGreaterThan(0);
        results += 1;
      }
    }
    expect(results).toBe(kb.flow.questions.reduce((n, q) => n + q.options.length, 0));
  });
});
