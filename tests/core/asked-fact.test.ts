/**
 * The asked-fact rule: "when did …" wants a year, "how many …" a figure, "which version …" a version,
 * "who …" a name — and only a cited sentence that gives one beside the question's most specific word
 * answers it.
 */
import { describe, expect, it } from 'vitest';
import { askedFact, type CitedSection, givesAskedFact } from '../../src/core/answer/asked-fact.ts';
import { analyseSentences } from '../../src/core/answer/sentences.ts';

const words = (q: string) => q.toLowerCase().split(/\s+/);
const section = (body: string, heading: string[] = [], chunkTerms: string[] = []): CitedSection => ({
  sentences: analyseSentences(body, (t) => t),
  chunkTerms,
  headingTerms: new Set(heading),
});
const FRAMEWORKS = ['tensorflow', 'pytorch'];

describe('askedFact', () => {
  it.each([
    ['when did pytorch move to the linux foundation', 'year'],
    ['what year was tensorflow released', 'year'],
    ['how many requests per second can it serve', 'figure'],
    ['what percentage of papers use pytorch', 'figure'],
    ['which pytorch version added torch.compile', 'version'],
    ['who built tensorflow', 'name'],
    ['which company maintains pytorch', 'name'],
    ['what does fsdp stand for', 'expansion'],
  ])('%s → %s', (q, kind) => {
    expect(askedFact(words(q))).toBe(kind);
  });

  it('leaves questions that ask for no single fact alone', () => {
    for (const q of ['when should i pick tensorflow over pytorch', 'is pytorch faster on gpus', 'can i use tensorboard with pytorch', 'explain who uses what']) {
      expect(askedFact(words(q)), q).toBeUndefined();
    }
  });
});

describe('givesAskedFact', () => {
  const pods = 'Both frameworks train on 256 GPUs in the benchmark. TensorFlow supports TPU pods natively.';

  it('needs the fact in a sentence that names the question\u2019s point, its most specific matched word', () => {
    // The figure (256) is about GPUs, not pods: a section on pods that gives no pod figure does not answer.
    expect(givesAskedFact('figure', section(pods), 'pod', FRAMEWORKS)).toBe(false);
    expect(givesAskedFact('figure', section('A TPU pod holds 4096 chips.'), 'pod', FRAMEWORKS)).toBe(true);
  });

  it('lets the heading say what every sentence is about', () => {
    expect(givesAskedFact('figure', section('TensorFlow averaged 1,200 images/sec.', ['resnet', 'throughput']), 'resnet', FRAMEWORKS)).toBe(true);
  });

  it('reads a pair term as both its words, and a prefix as the word it matched', () => {
    expect(givesAskedFact('year', section('Google shipped TensorFlow 2.0 in 2019.'), 'tensorflow@2.0', FRAMEWORKS)).toBe(true);
    expect(givesAskedFact('year', section('The optimization landed in 2020.', [], ['optimization']), 'optim', FRAMEWORKS)).toBe(true);
  });

  it('tells the kinds apart: a year is not a figure, a framework is not a name', () => {
    expect(givesAskedFact('figure', section('PyTorch was released in 2016.'), 'releas', FRAMEWORKS)).toBe(false);
    expect(givesAskedFact('version', section('PyTorch was released in 2016.'), 'releas', FRAMEWORKS)).toBe(false);
    expect(givesAskedFact('version', section('TensorBoard support was released in version 1.1.'), 'releas', FRAMEWORKS)).toBe(true);
    expect(givesAskedFact('name', section('It was first released by PyTorch maintainers.'), 'releas', FRAMEWORKS)).toBe(false);
    expect(givesAskedFact('name', section('It was first released by Facebook.'), 'releas', FRAMEWORKS)).toBe(true);
    expect(givesAskedFact('expansion', section('Serving, TFX and Lite are proven at scale.'), 'tfx', FRAMEWORKS)).toBe(false);
    expect(givesAskedFact('expansion', section('Serving, TFX (TensorFlow Extended) and Lite are proven.'), 'tfx', FRAMEWORKS)).toBe(true);
    expect(givesAskedFact('expansion', section('It uses Fully Sharded Data Parallel (FSDP).'), 'fsdp', FRAMEWORKS)).toBe(true);
  });
});
