import { beforeAll, describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/core/answer/answer-json.ts';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { correctFrameworkTypo, editDistance } from '../../src/core/answer/frameworks.ts';
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
    expect(correctFrameworkTypo('pytroch')).toBe('pytorch');
    expect(correctFrameworkTypo('tensorflwo')).toBe('tensorflow');
    expect(correctFrameworkTypo('tensorlfow')).toBe('tensorflow');
    expect(correctFrameworkTypo('patch')).toBeUndefined();
    expect(correctFrameworkTypo('torches')).toBeUndefined();
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

  it('gives both sides when the question names both frameworks', () => {
    const answer = answerQuestion(kb, 'tf vs torch on mobile phones');
    expect(answer.answered).toBe(true);
    const sides = new Set(answer.snippets.flatMap((s) => s.frameworks));
    expect(sides).toEqual(new Set(['tensorflow', 'pytorch']));
    expect(answer.lead).toMatch(/TensorFlow vs PyTorch/);
  });

  it('says the sources disagree when their figures differ for the same thing', () => {
    const answer = answerQuestion(kb, 'tensorflow resnet-50 training throughput images/sec');
    expect(answer.answered).toBe(true);
    expect(answer.disagreement).toMatch(/1,850 images\/sec/);
    expect(answer.disagreement).toMatch(/2,400 images\/sec/);
    expect(renderAnswerText(answer)).toMatch(/Note: The sources disagree/);
  });

  it('does not call two frameworks\u2019 different numbers a disagreement', () => {
    const answer = answerQuestion(kb, 'how fast is pytorch mobile on phones');
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

  it('says "I don\u2019t know" for framework questions the base cannot answer', () => {
    const answer = answerQuestion(kb, 'does pytorch support quantum annealing on abacus clusters');
    expect(answer).toMatchObject({ answered: false, declineReason: 'low_confidence' });
  });

  it('treats an unknown identifier as the topic, not as chat filler, unless it versions a domain term', () => {
    // "pixel" is a plain short word and is forgiven; "m1" names something the base does not know.
    expect(answerQuestion(kb, 'does tflite run on the pixel').answered).toBe(true);
    expect(answerQuestion(kb, 'does tflite run on the m1')).toMatchObject({ answered: false, declineReason: 'low_confidence' });
    // Right after a domain term it is that term's version; a stop word in between breaks the link.
    expect(answerQuestion(kb, 'tflite v3 on phones').answered).toBe(true);
    expect(answerQuestion(kb, 'tflite on the m1 phones').answered).toBe(false);
  });

  it('forgives ordinary English words as filler, but not names the dictionary does not list', () => {
    // Same shape: a plain word is forgiven, a language's name is the topic the base does not know.
    expect(answerQuestion(kb, 'does tflite run on tablets').answered).toBe(true);
    expect(answerQuestion(kb, 'does tflite run on julia')).toMatchObject({ answered: false, declineReason: 'low_confidence' });
    expect(answerQuestion(kb, 'does tflite run on kotlin')).toMatchObject({ answered: false, declineReason: 'low_confidence' });
  });

  it('anchors a question on whole synonyms-table entries, not on single words of longer ones', () => {
    const anchors = (q: string) => kb.index.anchorEnds(kb.index.parse(q).sequence);
    expect(anchors('hugging face models on phones')).toEqual([1]);
    expect(anchors('which face models run on phones')).toEqual([]);
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
