/**
 * The answerability rule on the shipped base: phrasing the base has never seen does not block an answer,
 * names it has never seen do, and a question is on our subject only by a framework, "framework" or a name
 * of the base — not by an everyday word the base happens to use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { isOrdinaryWord } from '../../src/core/answer/ordinary-words.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await loadShippedSnapshot();
});
const ask = (q: string) => answerQuestion(kb, q);
const text = (q: string) => {
  const a = ask(q);
  return [a.lead, ...a.snippets.map((s) => s.text)].join('\n');
};

describe('ordinary words', () => {
  it('lists English words and their inflections, not product names or coined words', () => {
    for (const w of ['dashboard', 'legal', 'equivalent', 'gaming', 'bindings', 'switched']) expect(isOrdinaryWord(w), w).toBe(true);
    for (const w of ['rocm', 'executorch', 'colab', 'tensorboard', 'torchserve', 'onnx', 'kubernetes']) expect(isOrdinaryWord(w), w).toBe(false);
  });
});

describe('answerability', () => {
  it('answers when the words the base lacks are ordinary phrasing', () => {
    // "legal", "lawyer" and "slides" are in no section: words the base lacks weigh less than its own.
    expect(text('what licence does pytorch use, legal is asking')).toMatch(/BSD/);
    expect(text('what licence does tensorflow use? my lawyer asked')).toMatch(/Apache/);
    expect(text('tensorflow visualization toolkit, what is it called? need it for my slides')).toMatch(/TensorBoard/);
  });

  it('does not count a word that only names the kind of answer wanted ("year") as the topic', () => {
    // "year" is rare in the base, so it outweighed "foundation" and the question was declined over "shift".
    const answer = ask('what year did pytorch shift over to the linux foundation');
    expect(answer.answered).toBe(true);
    expect(text('what year did pytorch shift over to the linux foundation')).toMatch(/2022/);
  });

  it('reads a whole number of three digits after a word as a count, not a version the base lacks', () => {
    const answer = ask('with the same 256 gpus, what efficiency does pytorch ddp reach?');
    expect(answer.missing ?? []).toEqual([]);
    expect(text('with the same 256 gpus, what efficiency does pytorch ddp reach?')).toMatch(/DistributedDataParallel/);
    // A short number after a name still is one.
    expect(ask('what is new in pytorch 3?').missing).toEqual(['pytorch 3']);
  });

  it('takes a shorthand the synonyms spell out (initials, a start) as a name of the base, not an example of one', () => {
    expect(text('fsdp is short for what')).toMatch(/Fully Sharded Data Parallel/);
    expect(ask('which phone should i buy, iphone or android').answered).toBe(false);
  });

  it('searches a version with its name: "tensorflow 2.0" finds TensorFlow 2.0, not the Apache 2.0 licence', () => {
    const answer = ask('when was tensorflow 2.0 released');
    expect(answer.lead).toMatch(/2019/);
    expect(answer.lead).not.toMatch(/Apache/);
  });

  it('declines a question for a figure the sources never give, and answers one they do give', () => {
    // The base discusses TPU pods, but never says how many chips one holds.
    const pods = ask('How many chips are in a TPU pod?');
    expect(pods).toMatchObject({ answered: false, declineReason: 'fact_not_given' });
    expect(pods.lead).toMatch(/don't give that figure/);
    expect(pods.suggestions.join(' ')).toMatch(/TPU/);
    expect(text('how many requests per second can tensorflow serving handle')).toMatch(/50K|50,000/);
    expect(text('when did pytorch move to the linux foundation')).toMatch(/2022/);
    // The date must be about the question's point: PyTorch's 2016 release is not PyTorch 2.0's date.
    expect(ask('when was pytorch 2.0 released?')).toMatchObject({ answered: false, declineReason: 'fact_not_given' });
    expect(text('when was pytorch released')).toMatch(/2016/);
    expect(text('when was tensorflow 2.0 released')).toMatch(/2019/);
    // An abbreviation the base uses but never spells out, against one it spells out.
    expect(ask('what does XLA stand for')).toMatchObject({ answered: false, declineReason: 'fact_not_given' });
    expect(text('what does fsdp stand for in pytorch')).toMatch(/Fully Sharded Data Parallel/);
  });

  it('declines, naming it, an unknown word set against a framework', () => {
    for (const q of ['how does jax compare to pytorch', 'which is faster, jax or pytorch?']) {
      expect(ask(q), q).toMatchObject({ answered: false, declineReason: 'not_covered', missing: ['jax'] });
    }
    // Chat words in the same place are not frameworks.
    expect(ask('is tensorflow good for nlp or nah').answered).toBe(true);
  });

  it('declines, naming it, a lowercase name the base has never seen', () => {
    const answer = ask('does tensorflow support amd gpus through rocm?');
    expect(answer.answered).toBe(false);
    expect(answer.declineReason).toBe('not_covered');
    expect(answer.missing?.map((m) => m.toLowerCase())).toContain('rocm');
  });

  it('treats "which framework …" as on our subject, and an everyday question with a word of the base as not', () => {
    expect(ask('total beginner here, never done deep learning. which framework is easier to start with?').answered).toBe(true);
    const pizza = ask('what is the best time of year to visit a quiet beach?');
    expect(pizza.answered).toBe(false);
    expect(pizza.declineReason).toBe('off_topic');
  });

  it('reads "which is better for …" as comparing the frameworks, but counts every word it lacks in full', () => {
    expect(text('which is better for production?')).toMatch(/production/i);
    expect(ask('which is better for research?').answered).toBe(true);
    expect(ask('which is better for making pizza').answered).toBe(false);
    expect(ask('which phone should I buy, iphone or android').answered).toBe(false);
  });

  it('does not correct an English word into a word of the base ("react" is not "reach")', () => {
    expect(kb.index.parse('react vs vue for a new web app?').terms).toContain('react');
    expect(ask('react vs vue for a new web app?').answered).toBe(false);
  });
});
