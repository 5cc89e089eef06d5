/**
 * The evaluation set (`tests/eval/questions.yaml`, written by the KB author) and how an answer is judged.
 * Shared by `tests/core/eval.test.ts` and `bench/retrieval.ts` so the test and the benchmark agree.
 *
 * An answerable question is correct when the bot answers and, for every `must` group, the answer's body
 * (lead, snippets and notes — never the "Related" line of suggestions) contains at least one of the
 * group's alternatives (case-insensitive, "2,400" = "2400").
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { renderAnswerText } from '../../src/core/answer/plain-text.ts';
import type { Answer } from '../../src/core/answer/types.ts';

export const EVAL_FILE = new URL('../eval/questions.yaml', import.meta.url).pathname;

const EvalSetSchema = z.object({
  answerable: z.array(z.object({ q: z.string().min(1), must: z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(1)) }).loose()).min(1),
  off_topic: z.array(z.string().min(1)).min(1),
  /** On-topic-sounding questions the sources never answer; `missing` names what they lack. Must be declined. */
  uncovered: z.array(z.object({ q: z.string().min(1), missing: z.array(z.string()).default([]) })).default([]),
});
export type EvalSet = z.infer<typeof EvalSetSchema>;

export function loadEvalSet(file = EVAL_FILE): EvalSet {
  const parsed = EvalSetSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** What an answer is judged on: its text without the "Related" / "You could ask about" suggestions. */
export const answerBody = (answer: Answer): string => renderAnswerText({ ...answer, suggestions: [] });

/** Lowercase, no thousands separators, typographic quotes and dashes made plain, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ');
}

/** The must-groups that `text` misses (empty = all facts present). */
export function missingFacts(text: string, must: string[][]): string[][] {
  const haystack = normalise(text);
  return must.filter((group) => !group.some((alt) => haystack.includes(normalise(alt))));
}

export interface EvalResult {
  correct: number;
  total: number;
  declined: number;
  offTopic: number;
  failures: { q: string; why: string }[];
  leaks: string[];
  uncovered: number;
  uncoveredDeclined: number;
  /** Uncovered questions that were answered anyway. */
  uncoveredLeaks: string[];
}

/**
 * Runs the set through `ask` (question → {answered, text}). `leaks` are off-topic questions that were
 * answered; `failures` explain each wrong answerable question.
 */
export function runEval(set: EvalSet, ask: (q: string) => { answered: boolean; text: string }): EvalResult {
  const failures: EvalResult['failures'] = [];
  let correct = 0;
  for (const item of set.answerable) {
    const result = ask(item.q);
    const missing = result.answered ? missingFacts(result.text, item.must) : item.must;
    if (result.answered && missing.length === 0) correct += 1;
    else failures.push({ q: item.q, why: result.answered ? `missing ${missing.map((g) => g.join(' | ')).join('; ')}` : 'declined' });
  }
  const leaks = set.off_topic.filter((q) => ask(q).answered);
  const uncoveredLeaks = set.uncovered.filter((u) => ask(u.q).answered).map((u) => u.q);
  return {
    correct,
    total: set.answerable.length,
    declined: set.off_topic.length - leaks.length,
    offTopic: set.off_topic.length,
    failures,
    leaks,
    uncovered: set.uncovered.length,
    uncoveredDeclined: set.uncovered.length - uncoveredLeaks.length,
    uncoveredLeaks,
  };
}
