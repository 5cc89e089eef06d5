import { describe, expect, it } from 'vitest';
import { FrameworkList } from '../../src/core/answer/frameworks.ts';
import { frameworksNamed, parseQuestion, MAX_QUERY_TERMS } from '../../src/core/answer/question.ts';
import { analyseSentences, pickSentences, splitSentences } from '../../src/core/answer/sentences.ts';
import { SynonymExpander } from '../../src/core/answer/synonym-expansion.ts';
import { stem, toTerm, words } from '../../src/core/answer/terms.ts';
import { BaseVocabulary } from '../../src/core/answer/vocabulary.ts';

const expander = new SynonymExpander({ pytorch: ['pt', 'torch'], 'tensorflow lite': ['tflite', 'tf lite'], tensorflow: ['tf'] });
/** A base that mentions PyTorch 2.0, TensorFlow Lite and debugging — what the parser corrects towards. */
const vocabulary = new BaseVocabulary(
  ['PyTorch 2.0 added torch.compile for faster training.', 'TensorFlow Lite runs models on phones.', 'Debugging with pdb works line by line.'],
  [],
  (w) => expander.canonicalize(w),
);
const frameworks = new FrameworkList([
  { id: 'tensorflow', name: 'TensorFlow', aliases: [] },
  { id: 'pytorch', name: 'PyTorch', aliases: [] },
]);
const parse = (q: string) => parseQuestion(q, expander, vocabulary, frameworks);

describe('parseQuestion', () => {
  it('fixes framework typos, canonicalises synonyms (longest first) and drops fluff', () => {
    const parsed = parse('hey, when did pytroch and tf lite come out??');
    expect(parsed.frameworks).toEqual(['tensorflow', 'pytorch']);
    expect(parsed.terms).toEqual(['pytorch', 'tensorflow', 'lite']);
    expect(parsed.asks).toBe('year');
  });

  it('ignores mentions and links, and bounds the number of terms', () => {
    expect(parse('<@U123> <!channel> @everyone https://x.y/z torch').terms).toEqual(['pytorch']);
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    expect(parse(long).terms.length).toBe(MAX_QUERY_TERMS);
  });

  it('keeps lone letters that are not stop words, and C++ as one word', () => {
    expect(parse('is there an r version of tf').terms).toEqual(['r', 'version', 'tensorflow']);
    expect(toTerm('a')).toBeNull();
    expect(words('a C++ backend, not C')).toEqual(['a', 'cpp', 'backend', 'not', 'c']);
  });

  it('drops chat around the question: reported speech, abbreviations, contractions, plurals of stop words', () => {
    const parsed = parse('my coworker keeps saying ppl say theyre the only ones who debug torch, which framework?');
    expect(parsed.terms).toEqual(['cowork', 'only', 'debug', 'pytorch']);
  });

  it('keeps versions whole and names the ones the base never gives that name', () => {
    expect(parse('pytorch 2.0 speed').missing).toEqual([]);
    expect(parse('pytorch 2.5 speed').missing.map((m) => m.text)).toEqual(['PyTorch 2.5']);
    expect(parse('is llama 3 trained with pytorch').missing.map((m) => m.text)).toEqual(['llama 3']);
    // A figure is not a version: "85%" after a name, a year after a name.
    expect(parse('pytorch 85% share').missing).toEqual([]);
    expect(parse('pytorch in 2019').missing).toEqual([]);
    expect(words('tf 2.x and tf.function')).toEqual(['tf', '2.x', 'and', 'tf', 'function']);
  });

  it('names unknown model numbers and Capitalised names, but not acronyms or the first word', () => {
    expect(parse('does pytorch run on the m1').missing.map((m) => m.text)).toEqual(['m1']);
    expect(parse('default learning rate of Adam in pytorch').missing.map((m) => m.text)).toEqual(['Adam']);
    expect(parse('my CTO asked about pytorch').missing).toEqual([]);
    expect(parse('Pizza and pytorch').missing).toEqual([]);
  });

  it('corrects typos to the base\u2019s words, never across a first letter', () => {
    expect(parse('debuging pytroch').terms).toEqual(['debug', 'pytorch']);
    expect(parse('tensorflwo lite on phnoes').terms).toEqual(['tensorflow', 'lite', 'phon']);
    expect(vocabulary.correct('bebugging')).toBeUndefined();
  });

  it('stems consistently', () => {
    expect(stem('deploying')).toBe(stem('deployed'));
    expect(stem('deployment')).toBe(stem('deploy'));
    expect(stem('libraries')).toBe(stem('library'));
    expect(stem('2015')).toBe('2015');
  });
});

describe('sentences', () => {
  const body = '- **TensorFlow Lite** runs on phones.\n- It is small.\n\nTorchServe serves PyTorch models. It is younger than TF Serving. Version 2.0 of tf.function stays whole.';
  it('splits Markdown into plain sentences without breaking tf.function or 2.0', () => {
    expect(splitSentences(body)).toEqual([
      'TensorFlow Lite runs on phones.',
      'It is small.',
      'TorchServe serves PyTorch models.',
      'It is younger than TF Serving.',
      'Version 2.0 of tf.function stays whole.',
    ]);
  });

  it('picks the best sentences in order and never the whole multi-sentence chunk', () => {
    const picked = pickSentences(
      analyseSentences(body, (t) => t),
      { terms: new Set(['torchserv']), idf: () => 1, frameworks: [] },
    );
    expect(picked.text).toMatch(/^TorchServe serves PyTorch models\./);
    expect(picked.text.length).toBeLessThan(body.length);
  });

  it('reads on from the best sentence when asked to (a correction note: claim, then what is right)', () => {
    const note = analyseSentences(
      'An article published in January 2021 calls TensorFlow 2.3 the latest release of the framework. Version 2.4 had already shipped in December 2020. Release notes list every version. Older guides are often out of date.',
      (t) => t,
    );
    const query = { terms: new Set(['latest', 'releas', '2021']), idf: () => 1, frameworks: [] };
    expect(pickSentences(note, query).text).not.toContain('2.4');
    expect(pickSentences(note, { ...query, readOn: true }).text).toMatch(/^An article published.*Version 2\.4 had already shipped in December 2020\. Release notes/);
  });
});

describe('frameworksNamed', () => {
  it('names the same frameworks as a full parse, for whole questions and for single words', async () => {
    const { loadEvalSet } = await import('./eval-set.ts');
    const set = loadEvalSet();
    const texts = [...set.answerable.map((a) => a.q), ...set.off_topic, 'pytroch', 'tf', 'torch', 'tensorflwo lite', 'and for mobile on tf?'];
    const checked = texts.flatMap((q) => [q, ...q.split(/\s+/)]);
    let named = 0;
    for (const text of checked) {
      const full = parse(text).frameworks;
      expect(frameworksNamed(text, expander, vocabulary, frameworks), text).toEqual(full);
      if (full.length > 0) named += 1;
    }
    // Enough texts name a framework for the comparison to mean something.
    expect(named).toBeGreaterThan(100);
  });
});
