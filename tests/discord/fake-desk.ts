/**
 * A scripted Desk for rendering edge cases the real knowledge base cannot produce on demand: huge
 * snippets, mention syntax inside knowledge text, many citations. Flow and admin calls are minimal.
 */
import type { Answer } from '../../src/core/answer/types.ts';
import type { FlowStep } from '../../src/core/flow/types.ts';
import type { Desk, UsageReport } from '../../src/core/ports.ts';

export function hugeAnswer(question: string): Answer {
  const citation = (i: number) => ({
    title: `Source article number ${i} ${'with a very long title '.repeat(20)}`,
    source: 'Publisher @everyone <@&123456789012345678>',
    url: `https://example.org/article-${i}`,
    section: `Section ${i}`,
    date: '2024-05',
    chunkId: `doc-${i}#section`,
  });
  return {
    id: 'huge000001',
    question,
    answered: true,
    lead: 'Here is what the sources say — @here is not a ping.',
    snippets: [1, 2, 3].map((i) => ({ text: `Snippet ${i}: ${'PyTorch and TensorFlow both deploy. '.repeat(90)}`, citation: citation(i), frameworks: ['pytorch', 'tensorflow'] })),
    disagreement: 'The sources give different figures. '.repeat(60),
    suggestions: Array.from({ length: 30 }, (_, i) => `Suggestion ${i} ${'x'.repeat(60)}`),
  };
}

const question: FlowStep = {
  kind: 'question',
  nonce: 'n1',
  questionId: 'goal',
  prompt: 'What is your goal?',
  options: Array.from({ length: 30 }, (_, i) => ({ id: `o${i}`, label: `Option ${i} ${'long label '.repeat(12)}`, hint: 'hint '.repeat(30) })),
  position: 1,
  total: 5,
  answers: {},
  canGoBack: false,
};

export function fakeDesk(): Desk {
  const empty: UsageReport = { unanswered: [{ question: '@everyone why? '.repeat(20), count: 3, suggested: [] }], downvoted: [], feedback: [] };
  return {
    ask: async (q) => hugeAnswer(q),
    flow: async () => question,
    reload: async (trigger) => ({
      ok: false,
      trigger,
      before: { documents: 3, chunks: 30 },
      after: { documents: 3, chunks: 30 },
      ms: 12,
      errors: Array.from({ length: 40 }, (_, i) => ({
        file: `doc-${i}.md`,
        line: i + 1,
        message: `broken front matter @everyone ${'detail '.repeat(20)}`,
        severity: 'error' as const,
        code: 'front-matter',
      })),
    }),
    recordFeedback: async () => 'recorded' as const,
    suggestTopics: (prefix) => Array.from({ length: 40 }, (_, i) => `${prefix} topic ${i} ${'y'.repeat(120)}`),
    report: async () => empty,
    status: () => ({ documents: 3, chunks: 30, loadedAt: new Date(0), frameworks: ['TensorFlow', 'PyTorch'] }),
    describeKnowledge: () => [],
  };
}
