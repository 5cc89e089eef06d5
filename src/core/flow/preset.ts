/**
 * Partial answers typed after the command: `/choose-framework goal:research target=browser`. Accepts
 * `:` or `=`, any case and extra spaces; collects every problem so the user can fix them all at once.
 */
import type { FlowDefinition } from './schema.ts';
import type { FlowAnswers, QuestionId } from './types.ts';

export interface PresetResult {
  answers: FlowAnswers;
  /** Friendly messages naming the valid ids; empty when everything parsed. */
  errors: string[];
}

/**
 * Parses presets. With a flow, question and option ids are checked against it; without one only the
 * question ids (a public contract) are.
 *
 * @example parseFlowPreset('goal:research target=browser') // → { answers: { goal: 'research', target: 'browser' }, errors: [] }
 */
export function parseFlowPreset(text: string, flow?: FlowDefinition): PresetResult {
  const answers: FlowAnswers = {};
  const errors: string[] = [];
  const questions = flow?.questions.map((q) => q.id) ?? ['goal', 'target', 'hardware', 'domain', 'team'];
  const tokens = text
    .slice(0, 2000)
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const match = /^([^:=]+)[:=](.+)$/.exec(token);
    if (!match) {
      errors.push(`"${clip(token)}" is not question:option — e.g. goal:research`);
      continue;
    }
    const question = match[1]!.toLowerCase();
    const option = match[2]!.toLowerCase().replace(/-/g, '_');
    if (!questions.includes(question as QuestionId)) {
      errors.push(`there is no question "${clip(question)}"${didYouMean(question, questions)} — use one of ${questions.join(', ')}`);
      continue;
    }
    const valid = flow?.questions.find((q) => q.id === question)?.options.map((o) => o.id);
    if (valid && !valid.includes(option)) {
      errors.push(`"${clip(option)}" is not an option for ${question}${didYouMean(option, valid)} — use one of ${valid.join(', ')}`);
      continue;
    }
    answers[question as QuestionId] = option;
  }
  return { answers, errors };
}

/** Edit distance, for "did you mean" on typos like `reserch`; inputs are short ids. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function didYouMean(typed: string, valid: readonly string[]): string {
  if (typed.length > 40) return '';
  const containing = valid.filter((v) => typed.length >= 3 && v.includes(typed));
  if (containing.length === 1) return ` (did you mean ${containing[0]}?)`;
  const best = valid.map((v) => ({ v, d: distance(typed, v) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(best.v.length / 4)) ? ` (did you mean ${best.v}?)` : '';
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
