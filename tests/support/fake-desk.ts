/**
 * The one scripted Desk for tests that do not need the real knowledge base. `fakeDesk()` answers
 * plainly and records reloads (ops tests); `fakeDesk(HOSTILE)` produces the rendering edge cases the
 * real base cannot on demand — huge snippets, mention syntax of both platforms inside knowledge text,
 * many citations, a long flow question, 40 reload errors (Slack and Discord adapter tests).
 */
import type { Answer } from '../../src/core/answer/types.ts';
import type { FlowStep } from '../../src/core/flow/types.ts';
import type { Desk, ReloadResult, UsageReport } from '../../src/core/ports.ts';
import { WorkspaceSettingsStore } from '../../src/core/settings/settings-store.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

/**
 * An answer past every platform limit, with mention syntax and unsafe links in knowledge text.
 * `repeat` sets each snippet's length (the sentence `PyTorch & TensorFlow <both> deploy.` that often).
 */
export function hugeAnswer(question: string, repeat = 90): Answer {
  const citation = (i: number) => ({
    title: `Source ${i} <!channel> ${'with a very long title '.repeat(40)}`,
    source: 'Publisher <@U0VICTIM> @everyone <@&123456789012345678>',
    url: i === 2 ? 'javascript:alert(1)' : `https://example.org/a?x=1&y=${i}|<b>`,
    section: `Section ${i} <!here>`,
    date: '2024-05',
    chunkId: `doc-${i}#s`,
  });
  return {
    id: 'huge000001',
    question,
    answered: true,
    lead: 'Here is what the sources say — <!everyone> & @channel are not pings, @here neither.',
    snippets: [1, 2, 3].map((i) => ({
      text: `Snippet ${i}: ${'PyTorch & TensorFlow <both> deploy. '.repeat(repeat)}`,
      citation: citation(i),
      frameworks: ['pytorch', 'tensorflow'],
    })),
    disagreement: 'Sources give different figures <!channel>. '.repeat(200),
    suggestions: Array.from({ length: 30 }, (_, i) => `Suggestion ${i} ${'x'.repeat(300)}`),
  };
}

export function okReload(trigger: string, overrides: Partial<ReloadResult> = {}): ReloadResult {
  return { ok: true, trigger, before: { documents: 5, chunks: 40 }, after: { documents: 6, chunks: 44 }, ms: 12, errors: [], ...overrides };
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

/** A reload refused with 40 errors, each with mention syntax and a long detail. */
function brokenReload(trigger: string): ReloadResult {
  const errors = Array.from({ length: 40 }, (_, i) => ({
    file: `doc-${i}.md`,
    line: i + 1,
    message: `broken front matter @everyone ${'detail '.repeat(20)}`,
    severity: 'error' as const,
    code: 'front-matter',
  }));
  return okReload(trigger, { ok: false, before: { documents: 3, chunks: 30 }, after: { documents: 3, chunks: 30 }, errors });
}

export interface FakeDeskScript {
  answer?: (question: string) => Answer;
  flowStep?: FlowStep;
  reloadResult?: (trigger: string) => ReloadResult;
  topics?: (prefix: string) => string[];
  report?: UsageReport;
}

/** Every output past the platforms' limits (see the file comment). */
export const HOSTILE: FakeDeskScript = {
  answer: (q) => hugeAnswer(q),
  flowStep: question,
  reloadResult: brokenReload,
  topics: (prefix) => Array.from({ length: 40 }, (_, i) => `${prefix} topic ${i} ${'y'.repeat(120)}`),
  report: { unanswered: [{ question: '@everyone why? '.repeat(20), count: 3, suggested: [] }], downvoted: [], feedback: [] },
};

/** A Desk that follows `script` (plain answers by default) and records the questions and reload triggers it got. */
export function fakeDesk(script: FakeDeskScript = {}): Desk & { reloads: string[]; questions: string[] } {
  const reloads: string[] = [];
  const questions: string[] = [];
  const plain = (q: string): Answer => ({ question: q, answered: true, lead: 'lead', snippets: [], suggestions: [] });
  return {
    reloads,
    questions,
    ask: async (q) => {
      questions.push(q);
      return (script.answer ?? plain)(q);
    },
    flow: async () => script.flowStep ?? { kind: 'cancelled', message: 'bye' },
    reload: async (trigger) => {
      reloads.push(trigger);
      return (script.reloadResult ?? okReload)(trigger);
    },
    recordFeedback: async () => 'recorded' as const,
    suggestTopics: (prefix) => script.topics?.(prefix) ?? [],
    report: async () => script.report ?? { unanswered: [], downvoted: [], feedback: [] },
    status: () => ({ documents: 5, chunks: 40, loadedAt: new Date(0), frameworks: ['TensorFlow', 'PyTorch'] }),
    describeKnowledge: () => [],
    settings: new WorkspaceSettingsStore(new MemoryStore()),
  };
}
