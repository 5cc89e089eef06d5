import { describe, expect, it } from 'vitest';
import { findDisagreement } from '../../src/core/answer/disagreement.ts';
import { parseQuestion, MAX_QUERY_TERMS } from '../../src/core/answer/question.ts';
import { analyseSentences, pickSentences, splitSentences } from '../../src/core/answer/sentences.ts';
import { SynonymExpander } from '../../src/core/answer/synonym-expansion.ts';
import { stem, toTerm, words } from '../../src/core/answer/terms.ts';
import type { Snippet } from '../../src/core/answer/types.ts';

const expander = new SynonymExpander({ pytorch: ['pt', 'torch'], 'tensorflow lite': ['tflite', 'tf lite'], tensorflow: ['tf'] });

describe('parseQuestion', () => {
  it('fixes framework typos, canonicalises synonyms (longest first) and drops fluff', () => {
    const parsed = parseQuestion('hey, when did pytroch and tf lite come out??', expander);
    expect(parsed.frameworks).toEqual(['tensorflow', 'pytorch']);
    expect(parsed.terms).toEqual(['pytorch', 'tensorflow', 'lite']);
    expect(parsed.wants.year).toBe(true);
  });

  it('ignores mentions and links, and bounds the number of terms', () => {
    expect(parseQuestion('<@U123> <!channel> @everyone https://x.y/z torch', expander).terms).toEqual(['pytorch']);
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    expect(parseQuestion(long, expander).terms.length).toBe(MAX_QUERY_TERMS);
  });

  it('keeps lone letters that are not stop words, and C++ as one word', () => {
    expect(parseQuestion('is there an r version of tf', expander).terms).toEqual(['r', 'version', 'tensorflow']);
    expect(toTerm('a')).toBeNull();
    expect(words('a C++ backend, not C')).toEqual(['a', 'cpp', 'backend', 'not', 'c']);
  });

  it('drops chat around the question: reported speech, abbreviations, contractions, plurals of stop words', () => {
    const parsed = parseQuestion('my coworker keeps saying ppl say theyre the only ones who debug torch, which framework?', expander);
    expect(parsed.terms).toEqual(['cowork', 'only', 'debug', 'pytorch']);
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

describe('findDisagreement', () => {
  const snippet = (text: string, source: string, chunkId: string, frameworks: Snippet['frameworks'] = ['tensorflow']): Snippet => ({
    text,
    frameworks,
    citation: { title: `${source} article`, source, date: '2024', chunkId },
  });

  it('flags different figures for the same thing from different chunks', () => {
    const note = findDisagreement([
      snippet('TensorFlow Serving handles 50K requests/sec.', 'A', 'a#1'),
      snippet('TensorFlow Serving handled about 30,000 requests/sec.', 'B', 'b#1'),
    ]);
    expect(note).toBe('The sources disagree here for TensorFlow: A says 50K requests/sec while B says 30,000 requests/sec.');
  });

  it('attributes each figure to the nearest framework in its sentence', () => {
    const a = snippet('Tech Matchups puts PyTorch at 72% and TensorFlow at 28% of arXiv papers.', 'A', 'a#1', ['tensorflow', 'pytorch']);
    const b = snippet('The blog estimates about 78% PyTorch and 22% TensorFlow of arXiv papers.', 'B', 'b#1', ['tensorflow', 'pytorch']);
    expect(findDisagreement([a, b])).toBe('The sources disagree here for PyTorch: A says 72% while B says 78%.');
    const same = snippet('PyTorch is in 72% of arXiv papers and TensorFlow in 28%.', 'C', 'c#1', ['tensorflow', 'pytorch']);
    expect(findDisagreement([a, same])).toBeUndefined();
  });

  it('ignores years, other frameworks, other units and equal figures', () => {
    expect(findDisagreement([snippet('TensorFlow was released in 2015.', 'A', 'a#1'), snippet('TensorFlow was released in 2017.', 'B', 'b#1')])).toBeUndefined();
    expect(findDisagreement([snippet('TensorFlow does 1,200 images/sec.', 'A', 'a#1'), snippet('PyTorch does 1,140 images/sec.', 'B', 'b#1', ['pytorch'])])).toBeUndefined();
    expect(findDisagreement([snippet('TensorFlow uses 15% more memory.', 'A', 'a#1'), snippet('TensorFlow uses 2 GB memory.', 'B', 'b#1')])).toBeUndefined();
    expect(findDisagreement([snippet('TensorFlow research share is 28%.', 'A', 'a#1'), snippet('TensorFlow research share is 28%.', 'B', 'b#1')])).toBeUndefined();
  });
});
