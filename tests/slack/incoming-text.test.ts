/**
 * Slack markup → the question the core receives: one linear decoding pass in the adapter (links to
 * labels, entities), then the core's one door (`questionText`: mentions stripped, length limit).
 * Speed on hostile input is measured in `npm run bench slack-edge`, not timed here.
 */
import { describe, expect, it } from 'vitest';
import { questionFromSlackText } from '../../src/adapters/slack/incoming-text.ts';
import { MAX_QUESTION_CHARS, questionText } from '../../src/core/question-text.ts';

const asked = (slackText: unknown) => questionText(questionFromSlackText(slackText));

describe('Slack question text', () => {
  it('decodes links and entities and leaves mention markup for the core, which strips it', () => {
    const text = '<@UBOT> is <https://pytorch.org|PyTorch> &amp; TF &lt;ok&gt;? <!channel> <@U2|bob> <#C1|general> <https://x.org/a>';
    expect(questionFromSlackText(text)).toBe('<@UBOT> is PyTorch & TF <ok>? <!channel> <@U2|bob> <#C1|general> https://x.org/a');
    expect(asked(text)).toBe('is PyTorch & TF <ok>? https://x.org/a');
    expect(questionFromSlackText(undefined)).toBe('');
    expect(questionFromSlackText(42)).toBe('');
  });

  it('never swallows the text before a link when a stray "<" precedes it', () => {
    // The old regexes matched from the first "<" to the link's "|", dropping "b" and "c d".
    expect(questionFromSlackText('a <b <https://x.org|label> e')).toBe('a <b label e');
    expect(questionFromSlackText('<c d <https://x.org>')).toBe('<c d https://x.org');
  });

  it('keeps hostile input whole and unchanged: unclosed "<", "<#", "<@", lone ">"', () => {
    for (const hostile of ['<'.repeat(20_000), '<#'.repeat(10_000), '<@'.repeat(10_000), '<a|'.repeat(5_000), 'a>'.repeat(10_000)]) {
      expect(questionFromSlackText(hostile)).toBe(hostile);
    }
    expect(questionFromSlackText(`${'<'.repeat(5)}<https://x.org|ok>${'>'.repeat(3)}`)).toBe('<<<<<ok>>>');
  });

  it('passes long text on whole: the core alone cuts, at one limit for every platform', () => {
    const long = `${'pytorch '.repeat(1_000)}tail`;
    // The adapter used to cut at 2,000 characters with its own constant.
    expect(questionFromSlackText(long)).toBe(long.trim());
    expect(asked(long).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(asked(long)).toBe(long.slice(0, MAX_QUESTION_CHARS).trim());
  });
});
