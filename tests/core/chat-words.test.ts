/**
 * How the words around a question's topic count. In a small base, everyday words ("place", "back",
 * "true") appear once or twice and look as specific as "tensorboard"; spoken-English frequency tells
 * them apart. And a dictionary word the base lacks is another word, never a typo of one it has.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { everydayWeight } from '../../src/core/answer/everyday-words.ts';
import { toTerm } from '../../src/core/answer/terms.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

const weight = (word: string) => everydayWeight(toTerm(word) ?? word);

// The real base: its articles use everyday words incidentally ("hand", "off", "place"), as real text does.
let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await loadShippedSnapshot();
});

describe('everyday words', () => {
  it('weigh less the more often they are spoken; names and technical words weigh fully', () => {
    expect(weight('place')).toBeGreaterThan(0.5);
    expect(weight('place')).toBeLessThan(weight('memory'));
    expect(weight('memory')).toBeLessThan(1);
    // "Well" is listed capitalised (it starts sentences in dialogue) and still counts as everyday.
    expect(weight('well')).toBeLessThan(0.6);
    for (const word of ['tensorboard', 'debugger', 'google', 'python', 'quantization']) expect(weight(word), word).toBe(1);
  });

  it('do not make an on-topic chat question look uncovered, while an unknown name still does', () => {
    // "hand" and "off" each occur once or twice in the base: by IDF alone they outweighed "foundation".
    expect(answerQuestion(kb, 'did meta hand pytorch off to the linux foundation or keep it').answered).toBe(true);
    expect(answerQuestion(kb, 'which team built tensorflow for kotlin')).toMatchObject({ answered: false, declineReason: 'low_confidence' });
  });

  it('are never typo-corrected into another word the base has, while real typos still are', () => {
    const quality = (question: string, word: string) => {
      const term = toTerm(word) ?? word;
      return Math.max(0, ...kb.index.query(kb.index.parse(question)).map((hit) => hit.matchQuality.get(term) ?? 0));
    };
    expect(quality('which gpu should i buy for gaming', 'gaming')).toBeLessThan(0.5); // the base says "naming"
    expect(quality('distribted training on many gpus', 'distribted')).toBeGreaterThanOrEqual(0.75);
  });
});
