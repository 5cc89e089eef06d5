import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/core/report/format.ts';

describe('formatReport', () => {
  it('says there is nothing to report when empty', () => {
    expect(formatReport({ unanswered: [], downvoted: [], feedback: [] })).toMatch(/^Nothing to report yet/);
  });

  it('lists unanswered questions by count and down-voted answers with their citations', () => {
    const text = formatReport({
      unanswered: [
        { question: 'Does JAX beat both?', count: 4, suggested: [] },
        { question: 'what   about\nMXNet', count: 1, suggested: [] },
      ],
      downvoted: [{ question: 'Is TF faster?', down: 3, up: 1, chunkIds: ['seed-a#speed'] }],
      feedback: [],
    });
    expect(text).toContain('1. "Does JAX beat both?" — asked 4 times');
    expect(text).toContain('2. "what about MXNet" — asked 1 time');
    expect(text).toContain('1. "Is TF faster?" — 👎 3 / 👍 1 — cited seed-a#speed');
  });

  it('clips very long questions and says when one list is empty', () => {
    const text = formatReport({ unanswered: [{ question: 'x'.repeat(5000), count: 2, suggested: [] }], downvoted: [], feedback: [] });
    expect(text.length).toBeLessThan(400);
    expect(text).toContain('…');
    expect(text).toContain('No down-voted answers so far.');
  });
});
