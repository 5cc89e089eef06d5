import { beforeAll, describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/core/answer/answer-json.ts';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { editDistance } from '../../src/core/answer/frameworks.ts';
import { renderAnswerText } from '../../src/core/answer/plain-text.ts';
import { suggestTopics } from '../../src/core/answer/suggest.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { loadSmallSnapshot } from './fixture-kb.ts';

let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await loadSmallSnapshot();
});

const topChunk = (q: string) => kb.index.query(kb.index.parse(q))[0]?.chunk.id;

describe('retrieval: synonyms, typos, framework names', () => {
  it.each([
    ['when was pytroch released', 'pytorch-basics#origins'],
    ['when was tensorflwo released', 'tensorflow-basics#origins'],
    ['tflite on phones', 'tensorflow-basics#mobile-deployment-with-tensorflow-lite'],
    ['does hf use torch', 'pytorch-basics#research-adoption'],
    ['torch for research?', 'pytorch-basics#research-adoption'],
    ['how many requests per second can tf serve', 'benchmarks#serving'],
  ])('%s → %s', (question, chunkId) => {
    expect(topChunk(question)).toBe(chunkId);
  });

  it('recognises framework names through typos but not ordinary words', () => {
    const correct = (word: string) => kb.frameworks.correctTypo(word);
    expect(correct('pytroch')).toBe('pytorch');
    expect(correct('tensorflwo')).toBe('tensorflow');
    expect(correct('tensorlfow')).toBe('tensorflow');
    expect(correct('patch')).toBeUndefined();
    expect(correct('torches')).toBeUndefined();
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('answers', () => {
  it('quotes the relevant sentences, not the whole chunk, with a full citation', () => {
    const answer = answerQuestion(kb, 'when was pytroch released?');
    expect(answer.answered).toBe(true);
    const [first] = answer.snippets;
    expect(first?.text).toMatch(/2016/);
    expect(first?.text).not.toBe(kb.chunkById.get('pytorch-basics#origins')?.body);
    expect(first?.citation).toEqual(kb.citationFor('pytorch-basics#origins'));
    expect(answer.lead).toMatch(/PyTorch/);
    expect(answer.snippets.length).toBeLessThanOrEqual(3);
  });

  it('gives both sides when the question names both frameworks, led by a cited sentence', () => {
    const answer = answerQuestion(kb, 'tf vs torch on mobile phones');
    expect(answer.answered).toBe(true);
    const sides = new Set(answer.snippets.flatMap((s) => s.frameworks));
    expect(sides).toEqual(new Set(['tensorflow', 'pytorch']));
    // The lead is a sentence the answer quotes, with its number — not "<heading>: here is what…".
    expect(answer.lead).toMatch(/\[\d\]$/);
    expect(answer.lead).not.toMatch(/here is what my sources say/);
    const n = Number(/\[(\d)\]$/.exec(answer.lead)?.[1]);
    expect(answer.snippets[n - 1]?.text).toContain(answer.lead.replace(/ \[\d\]$/, '').replace(/\.$/, ''));
  });

  it('never builds a "sources disagree" note from figures that are not curated', () => {
    // The fixture's two throughput figures differ, but no disagreements.yaml says they are one claim.
    const answer = answerQuestion(kb, 'tensorflow resnet-50 training throughput images/sec');
    expect(answer.answered).toBe(true);
    expect(answer.disagreement).toBeUndefined();
  });

  it('declines off-topic questions and suggests what it can answer', () => {
    for (const q of ['how do I bake sourdough bread', "what's the weather in Paris tomorrow", 'center a div with css flexbox']) {
      const answer = answerQuestion(kb, q);
      expect(answer, q).toMatchObject({ answered: false, declineReason: 'off_topic', snippets: [] });
      expect(answer.suggestions.length).toBeGreaterThan(0);
      expect(answer.lead).toMatch(/choose-framework/);
    }
  });

  it('names what the sources do not cover: versions, model numbers, capitalised names, unknown topics', () => {
    expect(answerQuestion(kb, "what's new in pytorch 2.5?")).toMatchObject({ answered: false, declineReason: 'not_covered', missing: ['pytorch 2.5'] });
    expect(answerQuestion(kb, 'does tflite run on the m1')).toMatchObject({ answered: false, declineReason: 'not_covered', missing: ['m1'] });
    expect(answerQuestion(kb, 'default learning rate of Adam in tensorflow')).toMatchObject({ answered: false, missing: ['adam'] });
    expect(answerQuestion(kb, 'does pytorch support quantum annealing')).toMatchObject({ answered: false, declineReason: 'not_covered' });
    expect(answerQuestion(kb, 'tflite on phones').lead).not.toMatch(/don.t cover/);
  });

  it('needs a topic: lone numbers, letters and ordinary words get a hint, not an answer', () => {
    for (const q of ['5', 'r', '72', '2019', '   ']) expect(answerQuestion(kb, q), q).toMatchObject({ answered: false, declineReason: 'empty' });
    expect(answerQuestion(kb, 'phones').answered).toBe(false);
  });

  it('corrects typos against the base\u2019s own words, keeping the first letter', () => {
    expect(kb.index.vocabulary.correct('throughpt')).toBe('throughput');
    expect(kb.index.vocabulary.correct('phonse')).toBe('phones');
    // Another first letter is another word, not a typo ("naming" is not "gaming").
    expect(kb.index.vocabulary.correct('rhones')).toBeUndefined();
    expect(answerQuestion(kb, 'tensorflow lite on mobil phonse').answered).toBe(true);
  });

  it('turns a bug into an apology marked internal, with the error kept for the log only', () => {
    const broken = {
      ...kb,
      index: {
        ...kb.index,
        parse: () => {
          throw new Error('index exploded');
        },
      },
    } as unknown as typeof kb;
    const answer = answerQuestion(broken, 'tflite on phones');
    expect(answer).toMatchObject({ answered: false, declineReason: 'internal', error: expect.stringContaining('index exploded') });
    expect(answer.lead).toMatch(/^Sorry/);
    expect(renderAnswerText(answer)).not.toContain('exploded');
    expect(answerToJson(answer)).not.toContain('exploded');
  });

  it('renders numbered citations in plain text', () => {
    const text = renderAnswerText(answerQuestion(kb, 'tflite on phones'));
    expect(text).toMatch(/^\[1\] TensorFlow Lite/m);
    expect(text).toMatch(
      /Sources:\n\[1\] A Field Guide to TensorFlow — Example Engineering Blog \(2023\), section "Mobile deployment with TensorFlow Lite" <https:\/\/example\.org\/tf-guide>/,
    );
  });
});

describe('suggestTopics', () => {
  it('completes headings by prefix, word prefix and near misses, within the limit', () => {
    expect(suggestTopics(kb, 'mob', 5).sort()).toEqual(['Mobile deployment', 'Mobile deployment with TensorFlow Lite']);
    expect(suggestTopics(kb, 'thro', 5)).toEqual(['Training throughput']);
    expect(suggestTopics(kb, 'deploymnet', 5)).toContain('Mobile deployment');
    expect(suggestTopics(kb, '', 2)).toHaveLength(2);
    expect(suggestTopics(kb, 'x', 0)).toEqual([]);
    expect(suggestTopics(kb, '', 1000).length).toBeLessThanOrEqual(25);
    expect(suggestTopics(kb, '<!channel> \u0000', 5)).toEqual([]);
  });
});
