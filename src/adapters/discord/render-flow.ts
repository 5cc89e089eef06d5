/**
 * /choose-framework steps → one Discord message that is edited in place at every click. Options are a
 * select menu (hints become option descriptions, up to 25 options); Back / Cancel / Start over are
 * buttons. Every component carries an encoded flow action, so no state lives in the adapter.
 */
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbed, type APIStringSelectComponent } from 'discord.js';
import type { FlowStep, Recommendation } from '../../core/flow/types.ts';
import { frameworkName, renderScoreBars } from '../../core/flow/score-bars.ts';
import { flowId, pickId } from './custom-ids.ts';
import { LIMITS } from './embed-limits.ts';
import { clip, escapeUserText, safeKnowledgeText } from './escape.ts';
import { COLORS, button, citationFields, row, shareButton, toMessages, type ActionRow, type DiscordMessage } from './render.ts';
import type { Citation } from '../../core/answer/types.ts';
import { numberCitations } from '../../core/flow/citations.ts';

function restartRow(shareable = false): ActionRow {
  const buttons: APIButtonComponentWithCustomId[] = [button(flowId({ type: 'restart' }), 'Start over', ButtonStyle.Primary, '🔄')];
  if (shareable) buttons.push(shareButton());
  return row(...buttons);
}

function questionMessage(step: Extract<FlowStep, { kind: 'question' }>): DiscordMessage {
  // Steps carry answer ids only; `mobile_edge` → "mobile edge" reads well enough in a recap.
  const words = (id: string) => escapeUserText(id.replace(/_/g, ' '));
  const answered = Object.entries(step.answers).map(([q, option]) => `• ${words(q.charAt(0).toUpperCase() + q.slice(1))}: **${words(String(option))}**`);
  const embed: APIEmbed = {
    color: COLORS.flow,
    title: `Choose a framework — question ${step.position} of ${step.total}`,
    description: [safeKnowledgeText(step.prompt), answered.length > 0 ? `So far:\n${answered.join('\n')}` : ''].filter(Boolean).join('\n\n'),
  };
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: pickId(step.nonce),
    placeholder: 'Pick an answer',
    min_values: 1,
    max_values: 1,
    options: step.options.slice(0, LIMITS.selectOptions).map((option) => ({
      label: clip(option.label, LIMITS.optionLabel),
      value: flowId({ type: 'answer', nonce: step.nonce, question: step.questionId, option: option.id }),
      ...(option.hint && { description: clip(option.hint, LIMITS.optionDescription) }),
    })),
  };
  const controls: APIButtonComponentWithCustomId[] = [];
  if (step.canGoBack) controls.push(button(flowId({ type: 'back', nonce: step.nonce }), 'Back', ButtonStyle.Secondary, '⬅️'));
  controls.push(button(flowId({ type: 'cancel', nonce: step.nonce }), 'Cancel', ButtonStyle.Danger));
  return { embeds: [embed], components: [{ type: ComponentType.ActionRow, components: [select] }, row(...controls)] };
}

function resultEmbed(rec: Recommendation): APIEmbed {
  const winner = frameworkName(rec, rec.framework);
  const { citations, numberOf } = numberCitations(rec);
  const cite = (citation: Citation) => `[${numberOf(citation)}]`;
  const lines = [
    `**Recommendation: ${winner}** (confidence ${Math.round(rec.confidence * 100)}%)`,
    `\`\`\`\n${renderScoreBars(rec)}\n\`\`\``,
    `**Why**\n${rec.reasons.map((r) => `• ${safeKnowledgeText(r.text)} ${cite(r.citation)}`).join('\n')}`,
  ];
  const runnerUp = rec.runnerUp.bestCase;
  if (runnerUp) lines.push(`**Best case for ${frameworkName(rec, rec.runnerUp.framework)}**\n• ${safeKnowledgeText(runnerUp.text)} ${cite(runnerUp.citation)}`);
  if (rec.hybrid) lines.push(`**Or both**\n• ${safeKnowledgeText(rec.hybrid.text)} ${cite(rec.hybrid.citation)}`);
  if (rec.wouldChange.length > 0) lines.push(`**What would change this**\n${rec.wouldChange.map((w) => `• ${safeKnowledgeText(w)}`).join('\n')}`);
  return { color: COLORS.success, title: `Choose a framework — ${winner}`, description: lines.join('\n\n'), fields: citationFields(citations) };
}

/** Renders any flow step; `shareable` adds a Share button to results of ephemeral replies. */
export function renderFlowStep(step: FlowStep, options: { shareable?: boolean } = {}): DiscordMessage[] {
  switch (step.kind) {
    case 'question':
      return [questionMessage(step)];
    case 'result':
      return toMessages([resultEmbed(step.recommendation)], [restartRow(options.shareable)]);
    case 'expired':
      return [{ embeds: [{ color: COLORS.declined, title: 'This questionnaire has expired', description: safeKnowledgeText(step.message) }], components: [restartRow()] }];
    case 'cancelled':
      return [{ embeds: [{ color: COLORS.declined, description: safeKnowledgeText(step.message) }], components: [restartRow()] }];
    case 'invalid':
      return [{ embeds: [{ color: COLORS.failure, description: safeKnowledgeText(step.message) }], components: [restartRow()] }];
  }
}
