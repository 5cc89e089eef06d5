/**
 * Terminal rendering: answers with numbered citations (the core's plain text), questionnaire steps with
 * numbered options, and admin replies. Plain text only — no colours, so piped output stays clean.
 */
import type { Answer } from '../../core/answer/types.ts';
import { renderAnswerText } from '../../core/answer/plain-text.ts';
import { renderRecommendationText } from '../../core/flow/plain-text.ts';
import type { FlowStep } from '../../core/flow/types.ts';
import type { ReloadResult } from '../../core/ports.ts';

export const FLOW_KEYS = 'Type a number to answer (b = back, r = restart, q = cancel).';

/** The /help text for a base about `frameworks` (display names). */
export const helpText = (frameworks: readonly string[]) =>
  [
    `Ask anything about ${frameworks.join(' vs ')}, e.g. "is pytorch easier to learn?"`,
    '',
    'Commands:',
    '  /choose-framework [goal:research target:browser …]  a few questions → a cited recommendation',
    '  /reload   reload the knowledge base and the flow from disk',
    '  /report   most asked unanswered questions and down-voted answers',
    '  /help     this help',
    '  /quit     leave (or Ctrl-D)',
  ].join('\n');

/** Terminal control characters could rewrite the screen; keep only tabs and newlines. */
export function stripControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match control characters
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function renderAnswer(answer: Answer): string {
  return renderAnswerText(answer);
}

export function renderFlowStep(step: FlowStep): string {
  switch (step.kind) {
    case 'question': {
      const lines = [`Question ${step.position} of ${step.total} — ${step.prompt}`];
      for (const [i, o] of step.options.entries()) lines.push(`  ${i + 1}) ${o.label}${o.hint ? ` — ${o.hint}` : ''}`);
      lines.push(step.canGoBack ? FLOW_KEYS : FLOW_KEYS.replace('b = back, ', ''));
      return lines.join('\n');
    }
    case 'result':
      return `${renderRecommendationText(step.recommendation)}\n\nType b to change your last answer, r to start over.`;
    case 'expired':
      return `${step.message}\nType r to start a new questionnaire.`;
    case 'cancelled':
    case 'invalid':
      return step.message;
  }
}

export function renderReload(result: ReloadResult): string {
  const ms = Math.round(result.ms);
  const counts = `${result.before.documents} → ${result.after.documents} documents, ${result.before.chunks} → ${result.after.chunks} chunks`;
  if (result.ok) return `Reloaded in ${ms} ms: ${counts}.`;
  const errors = result.errors.map((e) => `  ${e.file}:${e.line}: ${e.message}`);
  return [`Reload failed after ${ms} ms — still serving the previous knowledge base. Fix these and /reload again:`, ...errors].join('\n');
}
