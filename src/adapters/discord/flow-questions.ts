/**
 * Reads the flow's questions (prompt and options) through the Desk, for the /choose-framework command
 * options. Going through `desk.flow` rather than the flow file's schema keeps registration on the same
 * contract every adapter uses: for each question, start a throwaway session with every *other* question
 * pre-answered, and the flow asks exactly that one.
 */
import type { QuestionId } from '../../core/flow/types.ts';
import type { Desk } from '../../core/ports.ts';
import type { QuestionChoiceSource } from './command-definitions.ts';

/** One valid option per question, from the public id contract (issue 3); only used to pre-answer. */
const CONTRACT_DEFAULTS: Record<QuestionId, string> = {
  goal: 'research',
  target: 'cloud_server',
  hardware: 'gpu',
  domain: 'other',
  team: 'none',
};
export const QUESTION_ORDER = Object.keys(CONTRACT_DEFAULTS) as QuestionId[];

export async function flowQuestions(desk: Desk): Promise<QuestionChoiceSource[]> {
  const questions: QuestionChoiceSource[] = [];
  for (const id of QUESTION_ORDER) {
    const preset = Object.fromEntries(QUESTION_ORDER.filter((q) => q !== id).map((q) => [q, CONTRACT_DEFAULTS[q]]));
    const who = { platform: 'cli' as const, userId: 'discord-register', conversation: `question-${id}` };
    const step = await desk.flow(who, { type: 'start', preset });
    if (step.kind !== 'question' || step.questionId !== id) {
      throw new Error(`the flow did not ask "${id}" when every other question was answered (got ${step.kind}); check knowledge/flow/choose-framework.yaml with npm run kb:check`);
    }
    questions.push({ id, prompt: step.prompt, options: step.options.map((o) => ({ id: o.id, label: o.label })) });
  }
  return questions;
}
