import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { renderAnswerText } from '../../src/core/answer/plain-text.ts';
import { sanitizeUserText } from '../../src/core/answer/sanitize.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { loadSmallSnapshot } from './fixture-kb.ts';

let kb: KnowledgeSnapshot;
beforeAll(async () => {
  kb = await loadSmallSnapshot();
});

/** Mention syntax that would ping people if a platform parsed it. */
const LIVE_MENTION = /@everyone|@here|@channel|<!channel>|<!here|<!everyone|<@[A-Z0-9&!]/i;

function assertSafe(question: string) {
  const answer = answerQuestion(kb, question);
  const text = renderAnswerText(answer);
  expect(LIVE_MENTION.test(answer.question), answer.question).toBe(false);
  expect(LIVE_MENTION.test(text), text).toBe(false);
  expect(typeof answer.answered).toBe('boolean');
  // "Never throws" must not mean "hides a bug": the catch-all in answerQuestion marks those `internal`.
  expect(answer.declineReason, answer.error).not.toBe('internal');
  return answer;
}

describe('any input is safe', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t\r  '],
    ['emoji only', '🔥🤖🚀'],
    ['control characters', '\u0000\u0007tflite\u001b[31m on phones\u007f'],
    ['markdown', '# **tflite** _on_ `phones` [x](http://evil) > quote'],
    ['slack mentions', '<!channel> <!here|here> <@U123ABC> tflite on phones'],
    ['discord mentions', '@everyone @here <@123456789> <@&987654321> tflite on phones'],
    ['lone surrogates', '\ud800 torch \udfff'],
  ])('%s', (_name, question) => {
    assertSafe(question);
  });

  it('declines empty and whitespace as "empty"', () => {
    expect(assertSafe('')).toMatchObject({ answered: false, declineReason: 'empty' });
    expect(assertSafe('   \n ')).toMatchObject({ answered: false, declineReason: 'empty' });
    expect(assertSafe('?!…')).toMatchObject({ answered: false, declineReason: 'empty' });
  });

  it('still answers through control characters and mention noise', () => {
    expect(assertSafe('<@U123> tf\u0000lite on phones?').answered).toBe(true);
  });

  it('handles 50,000 characters quickly and echoes a truncated question', () => {
    const huge = 'does tflite run on phones? '.repeat(2000).slice(0, 50_000);
    const started = performance.now();
    const answer = assertSafe(huge);
    expect(performance.now() - started).toBeLessThan(200);
    expect(answer.question.length).toBeLessThanOrEqual(300);
    expect(answer.answered).toBe(true);
  });

  it('never throws and never echoes mentions for arbitrary strings', () => {
    const mentionish = fc.constantFrom('@everyone', '@here', '<!channel>', '<@U1>', '<@&1>', 'tf', 'torch', '\u0000', '🔥', '\n', 'tflite');
    const input = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), mentionish), { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(input, (q) => void assertSafe(q)),
      { numRuns: 400 },
    );
  });
});

describe('sanitizeUserText', () => {
  it('neutralises mentions, strips controls, truncates', () => {
    expect(sanitizeUserText('hi @everyone <!channel> <@U1>')).not.toMatch(LIVE_MENTION);
    expect(sanitizeUserText('a\u0000b\u202ec')).toBe('a b c');
    expect(sanitizeUserText('x'.repeat(1000), 20)).toHaveLength(20);
    expect(sanitizeUserText(undefined)).toBe('');
    expect(sanitizeUserText('🔥'.repeat(400), 10)).toBe(`${'🔥'.repeat(9)}…`);
  });
});
