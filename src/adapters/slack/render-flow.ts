/**
 * /choose-framework steps → one Slack message that is replaced in place at every click. Options are
 * buttons (their hints listed in the prompt, since buttons have no descriptions); Back / Cancel / Start
 * over are buttons too. Every button carries an encoded flow action, so no state lives in the adapter.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Citation } from '../../core/answer/types.ts';
import type { FlowAction, FlowStep, Recommendation } from '../../core/flow/types.ts';
import { frameworkName, renderScoreBars } from '../../core/flow/score-bars.ts';
import { SHARE_ACTION, flowActionId, flowValue } from './action-ids.ts';
import { LIMITS, context, sections, toMessages, type SlackMessage } from './block-limits.ts';
import { clip, escapeMrkdwn, safePlainText } from './escape.ts';
import { button, citationBlocks } from './render.ts';
import { numberCitations } from '../../core/flow/citations.ts';

/** Numbers flow buttons within one message (Slack wants unique action_ids per message). */
function flowButtons(specs: { label: string; action: FlowAction; style?: 'primary' | 'danger' }[]): Button[] {
  return specs.map((s, i) => button(flowActionId(i), s.label, flowValue(s.action), s.style));
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(safePlainText(text), LIMITS.headerText), emoji: true } };
}

function questionBlocks(step: Extract<FlowStep, { kind: 'question' }>): KnownBlock[] {
  const options = step.options.slice(0, LIMITS.actionsElements - 1);
  const hints = options.filter((o) => o.hint).map((o) => `• *${escapeMrkdwn(o.label)}* — ${escapeMrkdwn(o.hint ?? '')}`);
  const blocks: KnownBlock[] = [
    header(`Choose a framework — question ${step.position} of ${step.total}`),
    ...sections([escapeMrkdwn(step.prompt), ...hints].join('\n'), (piece) => piece),
  ];
  const answered = Object.entries(step.answers).map(([q, option]) => `${escapeMrkdwn(q)}: *${escapeMrkdwn(String(option))}*`);
  if (answered.length > 0) blocks.push(context([`So far — ${answered.join(' · ')}`]));
  const picks = options.map((o) => ({ label: o.label, action: { type: 'answer', nonce: step.nonce, question: step.questionId, option: o.id } as FlowAction }));
  const controls: { label: string; action: FlowAction; style?: 'danger' }[] = [];
  if (step.canGoBack) controls.push({ label: '⬅️ Back', action: { type: 'back', nonce: step.nonce } });
  controls.push({ label: 'Cancel', action: { type: 'cancel', nonce: step.nonce }, style: 'danger' });
  const all = flowButtons([...picks, ...controls]);
  if (picks.length > 0) blocks.push({ type: 'actions', elements: all.slice(0, picks.length) });
  blocks.push({ type: 'actions', elements: all.slice(picks.length) });
  return blocks;
}

function resultBlocks(rec: Recommendation, shareKey: string | undefined): KnownBlock[] {
  const winner = frameworkName(rec, rec.framework);
  const { citations, numberOf } = numberCitations(rec);
  const cite = (citation: Citation) => `*[${numberOf(citation)}]*`;
  const bullet = (text: string, citation?: Citation) => `• ${escapeMrkdwn(text)}${citation ? ` ${cite(citation)}` : ''}`;
  const blocks: KnownBlock[] = [
    header(`Recommendation: ${winner}`),
    { type: 'section', text: { type: 'mrkdwn', text: `Confidence ${Math.round(rec.confidence * 100)}%\n\`\`\`\n${escapeMrkdwn(renderScoreBars(rec))}\n\`\`\`` } },
  ];
  const why = rec.reasons.map((r) => bullet(r.text, r.citation));
  if (why.length > 0) blocks.push(...sections(['*Why*', ...why].join('\n'), (p) => p));
  const runnerUp = rec.runnerUp.bestCase;
  if (runnerUp) blocks.push(...sections(`*Best case for ${frameworkName(rec, rec.runnerUp.framework)}*\n${bullet(runnerUp.text, runnerUp.citation)}`, (p) => p));
  if (rec.hybrid) blocks.push(...sections(`*Or both*\n${bullet(rec.hybrid.text, rec.hybrid.citation)}`, (p) => p));
  if (rec.wouldChange.length > 0) blocks.push(...sections(['*What would change this*', ...rec.wouldChange.map((w) => bullet(w))].join('\n'), (p) => p));
  blocks.push(...citationBlocks(citations));
  const buttons = flowButtons([{ label: '🔄 Start over', action: { type: 'restart' }, style: 'primary' }]);
  if (shareKey) buttons.push(button(SHARE_ACTION, 'Share in channel', shareKey));
  blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

function endBlocks(title: string, message: string): KnownBlock[] {
  return [
    ...sections(`*${title}*\n${escapeMrkdwn(message)}`, (p) => p),
    { type: 'actions', elements: flowButtons([{ label: '🔄 Start over', action: { type: 'restart' }, style: 'primary' }]) },
  ];
}

/** Renders any flow step; `shareKey` adds "Share in channel" to a result shown privately. */
export function renderFlowStep(step: FlowStep, options: { shareKey?: string } = {}): SlackMessage[] {
  switch (step.kind) {
    case 'question':
      return toMessages(questionBlocks(step), `Choose a framework — question ${step.position} of ${step.total}`);
    case 'result':
      return toMessages(resultBlocks(step.recommendation, options.shareKey), `Recommendation: ${frameworkName(step.recommendation, step.recommendation.framework)}`);
    case 'expired':
      return toMessages(endBlocks('This questionnaire has expired', step.message), escapeMrkdwn(step.message));
    case 'cancelled':
      return toMessages(endBlocks('Cancelled', step.message), escapeMrkdwn(step.message));
    case 'invalid':
      return toMessages(endBlocks('That did not work', step.message), escapeMrkdwn(step.message));
  }
}
