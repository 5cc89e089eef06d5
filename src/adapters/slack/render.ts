/**
 * Answer → Block Kit: the lead line, each snippet as a quote with its number, one context line per
 * citation (source, section, date, link), a disagreement note, related questions, then 👍/👎 (and
 * "Share in channel" for private answers). Every piece of text is escaped; long text is split so every
 * block and message stays inside Slack's limits.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Answer, Citation } from '../../core/answer/types.ts';
import { SHARE_ACTION, voteActionId } from './action-ids.ts';
import { LIMITS, context, sections, toMessages, type SlackMessage } from './block-limits.ts';
import { clip, escapeMrkdwn, mrkdwnLink, safePlainText } from './escape.ts';

/** Related questions shown under an answer (the core may suggest more). */
const MAX_SUGGESTIONS = 5;

export function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: clip(actionId, LIMITS.actionId),
    text: { type: 'plain_text', text: clip(safePlainText(text), LIMITS.buttonText), emoji: true },
    value: value.slice(0, LIMITS.buttonValue),
    ...(style && { style }),
  };
}

/** "[1] <url|Title> — Publisher, 2024-05 · section "Deployment"", escaped and clipped for a context element. */
export function citationLine(n: number, citation: Citation): string {
  const title = mrkdwnLink(citation.url, clip(citation.title, 300));
  const section = citation.section ? ` · section “${escapeMrkdwn(clip(citation.section, 200))}”` : '';
  return `*[${n}]* ${title} — ${escapeMrkdwn(clip(citation.source, 200))}, ${escapeMrkdwn(citation.date)}${section}`;
}

/** Numbered citation context blocks (10 per block). */
export function citationBlocks(citations: Citation[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < citations.length; i += LIMITS.contextElements) {
    blocks.push(context(citations.slice(i, i + LIMITS.contextElements).map((c, j) => citationLine(i + j + 1, c))));
  }
  return blocks;
}

function quote(raw: string): string {
  return escapeMrkdwn(raw)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export interface AnswerRenderOptions {
  /** Private (ephemeral) answers get a "Share in channel" button carrying this key. */
  shareKey?: string;
  /** Repeat the question on top (slash-command answers and shares have no message above them). */
  showQuestion?: boolean;
}

export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage[] {
  const blocks: KnownBlock[] = [];
  if (options.showQuestion && answer.question.trim()) blocks.push(context([`❓ ${escapeMrkdwn(clip(answer.question, 300))}`]));
  blocks.push(...sections(answer.lead, escapeMrkdwn));
  answer.snippets.forEach((snippet, i) => {
    blocks.push(...sections(snippet.text, (piece) => `${quote(piece)} *[${i + 1}]*`));
  });
  if (answer.snippets.length > 0) blocks.push(...citationBlocks(answer.snippets.map((s) => s.citation)));
  if (answer.disagreement) blocks.push(...sections(`⚠️ ${answer.disagreement}`, escapeMrkdwn));
  const suggestions = answer.suggestions.slice(0, MAX_SUGGESTIONS).map((s) => clip(s, 200));
  if (suggestions.length > 0) {
    const label = answer.answered ? 'Related' : 'You could ask about';
    blocks.push(context([`${label}: ${suggestions.map((s) => `“${escapeMrkdwn(s)}”`).join(' · ')}`]));
  }
  const buttons: Button[] = [];
  if (answer.id) {
    buttons.push(button(voteActionId('up'), '👍 Helpful', answer.id), button(voteActionId('down'), '👎 Not helpful', answer.id));
  }
  if (options.shareKey) buttons.push(button(SHARE_ACTION, 'Share in channel', options.shareKey, 'primary'));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return toMessages(blocks, escapeMrkdwn(answer.lead));
}

/** A one-block message: apologies, refusals, "thanks for the feedback". */
export function notice(text: string): SlackMessage {
  return toMessages(sections(text, escapeMrkdwn), escapeMrkdwn(text))[0] as SlackMessage;
}
