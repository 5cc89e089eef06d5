/**
 * The /choose-framework state machine: a pure function from (flow, session, action) to (session, step).
 * No I/O and no clocks, so every platform shares it and tests can drive it exhaustively. It never throws:
 * stale buttons give an `expired` step, unknown ids an `invalid` step naming the valid ones.
 */
import { randomBytes } from 'node:crypto';
import { recommend, type CiteOf } from './recommend.ts';
import type { FlowDefinition } from './schema.ts';
import type { FlowAction, FlowAnswers, FlowStep, QuestionId } from './types.ts';

/** What the store keeps between clicks. Plain JSON. */
export interface FlowSession {
  v: 1;
  /** Identifies this questionnaire; buttons of older ones carry another nonce and are stale. */
  nonce: string;
  answers: FlowAnswers;
  /** Questions answered in this session, oldest first, so `back` undoes the latest (presets stay). */
  history: QuestionId[];
}

export const EXPIRED_MESSAGE = 'This questionnaire has expired or was replaced by a newer one — start again with /choose-framework.';
const CANCELLED_MESSAGE = 'Questionnaire cancelled. Run /choose-framework whenever you want to try again.';

type Result = { session?: FlowSession; step: FlowStep };

const newNonce = () => randomBytes(6).toString('base64url');

/** Rejects sessions that are not what this code wrote (old format, hand-edited store). */
function isSession(value: unknown): value is FlowSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<FlowSession>;
  return s.v === 1 && typeof s.nonce === 'string' && typeof s.answers === 'object' && s.answers !== null && Array.isArray(s.history);
}

/** Keeps only answers that name real questions and options of the current flow (it may have been reloaded). */
function validAnswers(flow: FlowDefinition, answers: Record<string, unknown>): FlowAnswers {
  const kept: FlowAnswers = {};
  for (const q of flow.questions) {
    const answer = answers[q.id];
    if (typeof answer === 'string' && q.options.some((o) => o.id === answer)) kept[q.id] = answer;
  }
  return kept;
}

/** Checks an answer, returning a message naming the valid ids when it is wrong. */
function checkAnswer(flow: FlowDefinition, question: unknown, option: unknown): string | undefined {
  const q = flow.questions.find((x) => x.id === question);
  if (!q) return `There is no question "${clip(question)}". Valid questions: ${flow.questions.map((x) => x.id).join(', ')}.`;
  if (!q.options.some((o) => o.id === option)) return `"${clip(option)}" is not an option for ${q.id}. Valid options: ${q.options.map((o) => o.id).join(', ')}.`;
  return undefined;
}

const clip = (text: unknown) => {
  const shown = String(text);
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
};

/** The next step for a session: the first unanswered question in file order, else the result. */
function stepFor(flow: FlowDefinition, citeOf: CiteOf, session: FlowSession): FlowStep {
  const answered = flow.questions.filter((q) => session.answers[q.id] !== undefined).length;
  const next = flow.questions.find((q) => session.answers[q.id] === undefined);
  if (!next) return { kind: 'result', nonce: session.nonce, recommendation: recommend(flow, citeOf, session.answers) };
  return {
    kind: 'question',
    nonce: session.nonce,
    questionId: next.id,
    prompt: next.prompt,
    options: next.options.map((o) => ({ ...o })),
    position: answered + 1,
    total: flow.questions.length,
    answers: { ...session.answers },
    canGoBack: session.history.length > 0,
  };
}

function start(flow: FlowDefinition, citeOf: CiteOf, preset: FlowAnswers | undefined, current: FlowSession | undefined): Result {
  for (const [question, option] of Object.entries(preset ?? {})) {
    // Adapters build presets from optional command options: an absent one is no preset, not an error.
    if (option === undefined || option === null || option === '') continue;
    const problem = checkAnswer(flow, question, String(option));
    if (problem) return { ...(current && { session: current }), step: { kind: 'invalid', message: problem } };
  }
  const session: FlowSession = { v: 1, nonce: newNonce(), answers: validAnswers(flow, preset ?? {}), history: [] };
  return { session, step: stepFor(flow, citeOf, session) };
}

function advance(flow: FlowDefinition, citeOf: CiteOf, stored: unknown, action: FlowAction): Result {
  const session = isSession(stored)
    ? { ...stored, answers: validAnswers(flow, stored.answers), history: stored.history.filter((q) => stored.answers[q] !== undefined) }
    : undefined;
  switch (action.type) {
    case 'start':
      return start(flow, citeOf, action.preset, session);
    case 'restart':
      return start(flow, citeOf, undefined, session);
    default:
      break;
  }
  // Every other action belongs to a specific questionnaire: it must be the live one.
  if (!session || action.nonce !== session.nonce) {
    return { ...(session && { session }), step: { kind: 'expired', message: EXPIRED_MESSAGE } };
  }
  switch (action.type) {
    case 'cancel':
      return { step: { kind: 'cancelled', message: CANCELLED_MESSAGE } };
    case 'back': {
      const last = session.history.at(-1);
      if (!last) return { session, step: stepFor(flow, citeOf, session) };
      const answers = { ...session.answers };
      delete answers[last];
      const next = { ...session, answers, history: session.history.slice(0, -1) };
      return { session: next, step: stepFor(flow, citeOf, next) };
    }
    case 'answer': {
      const problem = checkAnswer(flow, action.question, action.option);
      if (problem) return { session, step: { kind: 'invalid', message: problem } };
      const question = action.question as QuestionId;
      // Answering out of order (an older button of this questionnaire) replaces that answer.
      const history = [...session.history.filter((q) => q !== question), question];
      const next = { ...session, answers: { ...session.answers, [question]: action.option }, history };
      return { session: next, step: stepFor(flow, citeOf, next) };
    }
    default:
      return { session, step: { kind: 'invalid', message: 'Unknown action. Use the buttons, or start again with /choose-framework.' } };
  }
}

/**
 * Advances a user's questionnaire. `session` is what the store held (undefined when none); the returned
 * session is what to store next (undefined = delete). Never throws.
 *
 * @example advanceFlow(flow, citeOf, undefined, { type: 'start', preset: { goal: 'research' } })
 */
export function advanceFlow(flow: FlowDefinition, citeOf: CiteOf, session: FlowSession | undefined, action: FlowAction): Result {
  try {
    if (typeof action !== 'object' || action === null) return { ...(session && { session }), step: { kind: 'invalid', message: 'Unknown action.' } };
    return advance(flow, citeOf, session, action);
  } catch {
    // A bug (or a citation the loader should have rejected) must not crash a chat handler, nor lose
    // the user's answers so far.
    return { ...(isSession(session) && { session }), step: { kind: 'invalid', message: 'Something went wrong with this questionnaire — start again with /choose-framework.' } };
  }
}
