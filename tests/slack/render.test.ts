/**
 * Rendering edge cases the real knowledge base cannot produce on demand: huge snippets, mention syntax in
 * knowledge text, many reload errors, long flows — all must stay inside Block Kit's schema and limits and
 * never emit mention syntax. Also checks that the validator itself rejects what it should.
 */
import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../src/core/flow/types.ts';
import { escapeMrkdwn, mrkdwnLink } from '../../src/adapters/slack/escape.ts';
import { renderAnswer } from '../../src/adapters/slack/render.ts';
import { renderReload, renderReport } from '../../src/adapters/slack/render-admin.ts';
import { renderFlowStep } from '../../src/adapters/slack/render-flow.ts';
import { splitRendered, type SlackMessage } from '../../src/adapters/slack/block-limits.ts';
import { messageProblems } from './block-kit-validator.ts';
import { hugeAnswer as sharedHugeAnswer } from '../support/fake-desk.ts';

const problems = (messages: SlackMessage[]) => messages.flatMap((m) => messageProblems({ ...m }));

const hugeAnswer = () => sharedHugeAnswer('q', 400);

describe('Slack rendering', () => {
  it('splits a huge answer into valid sections and messages, with no mention syntax', () => {
    const messages = renderAnswer(hugeAnswer(), { shareKey: '0123456789abcdef' });
    expect(problems(messages)).toEqual([]);
    const all = JSON.stringify(messages);
    expect(all).not.toMatch(/<[!@]/);
    expect(all).not.toContain('javascript:');
    const sections = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(10);
    // Nothing was lost: every snippet sentence made it (split, not truncated).
    const text = sections.map((b) => (b as { text: { text: string } }).text.text).join(' ');
    expect(text.match(/&lt;both&gt;/g)?.length).toBe(1200);
  });

  it('splits past 50 blocks into several messages, buttons on the last', () => {
    const answer = hugeAnswer();
    answer.snippets = answer.snippets.map((s) => ({ ...s, text: s.text.repeat(8) }));
    const messages = renderAnswer(answer);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.blocks.length <= 50)).toBe(true);
    expect(messages.at(-1)!.blocks.at(-1)!.type).toBe('actions');
    expect(problems(messages)).toEqual([]);
  });

  it('renders long flow questions, results and end states within limits', () => {
    const question: FlowStep = {
      kind: 'question',
      nonce: 'n1',
      questionId: 'goal',
      prompt: 'What is your goal <!channel>? '.repeat(50),
      options: Array.from({ length: 30 }, (_, i) => ({ id: `o${i}`, label: `Option ${i} ${'long label '.repeat(12)}`, hint: 'hint '.repeat(30) })),
      position: 1,
      total: 5,
      answers: { target: 'browser' },
      canGoBack: true,
    };
    const cite = (i: number) => ({ title: `T${i}`, source: 'S', date: '2024', chunkId: `c${i}`, url: 'https://example.org' });
    const result: FlowStep = {
      kind: 'result',
      nonce: 'n1',
      recommendation: {
        framework: 'pytorch',
        confidence: 0.72,
        scores: { pytorch: 7, tensorflow: 3 },
        ranking: [
          { framework: 'pytorch', name: 'PyTorch', score: 7 },
          { framework: 'tensorflow', name: 'TensorFlow', score: 3 },
        ],
        reasons: Array.from({ length: 12 }, (_, i) => ({ text: `Reason ${i} <@U1> ${'because '.repeat(40)}`, framework: 'pytorch' as const, weight: 1, citation: cite(i) })),
        wouldChange: ['If you target browsers'],
        runnerUp: { framework: 'tensorflow', bestCase: { text: 'TF Lite', framework: 'tensorflow', weight: 1, citation: cite(99) } },
        hybrid: { text: 'Prototype in PyTorch, export via ONNX', framework: 'pytorch', weight: 1, citation: cite(1) },
        answers: { goal: 'research' },
      },
    };
    for (const step of [question, result, { kind: 'expired', message: 'gone <!here>' }, { kind: 'cancelled', message: 'ok' }, { kind: 'invalid', message: 'bad' }] as FlowStep[]) {
      const messages = renderFlowStep(step, { shareKey: 'abcdefabcdefabcd' });
      expect(problems(messages)).toEqual([]);
      expect(JSON.stringify(messages)).not.toMatch(/<[!@]/);
    }
  });

  it('renders reload failures with many errors and the report within limits', () => {
    const failed = renderReload({
      ok: false,
      trigger: 't',
      before: { documents: 3, chunks: 30 },
      after: { documents: 3, chunks: 30 },
      ms: 12.4,
      errors: Array.from({ length: 200 }, (_, i) => ({
        file: `knowledge/doc-${i}.md`,
        line: i + 1,
        message: `broken <!channel> ${'detail '.repeat(40)}`,
        severity: 'error' as const,
        code: 'x',
      })),
    });
    expect(problems(failed)).toEqual([]);
    expect(JSON.stringify(failed)).toContain('knowledge/doc-0.md:1');
    expect(JSON.stringify(failed)).toContain('170 more');
    const report = renderReport({
      unanswered: Array.from({ length: 50 }, (_, i) => ({ question: `<!channel> why ${i}? ${'x'.repeat(200)}`, count: 3, suggested: [] })),
      downvoted: [],
      feedback: [],
    });
    expect(problems(report)).toEqual([]);
    expect(JSON.stringify(report)).not.toMatch(/<[!@]/);
  });

  it('escapes and links safely', () => {
    expect(escapeMrkdwn('a & <!channel> > b @here')).toBe('a &amp; &lt;!channel&gt; &gt; b @\u200bhere');
    expect(mrkdwnLink('https://x.org/?a=1&b=2', 'T|itle <x>')).toBe('<https://x.org/?a=1&amp;b=2|T¦itle &lt;x&gt;>');
    expect(mrkdwnLink('slack://open', 'T')).toBe('T');
  });

  it('never splits an escaped entity between two sections', () => {
    for (const offset of [0, 1, 2, 3, 4]) {
      const text = `${'x'.repeat(2_996 + offset)}&amp;&lt;tail`;
      const pieces = splitRendered(text, (p) => p, 3_000);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) expect(piece, piece.slice(-8)).not.toMatch(/&[a-z]{0,3}$/);
    }
  });

  it('the validator rejects what Slack would reject', () => {
    expect(messageProblems({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] })).not.toEqual([]);
    expect(messageProblems({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).not.toEqual([]);
    expect(messageProblems({ text: 'x', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] })).not.toEqual([]);
    expect(messageProblems({ text: 'hi <!channel>' })).not.toEqual([]);
    expect(messageProblems({ text: 'x', blocks: [{ type: 'divider' }] })).toEqual([]);
  });
});
