/**
 * Answer → Discord messages: one embed (lead, cited snippets, one field per citation with its link)
 * plus 👍/👎 buttons, split over several messages only if Discord's limits demand it. Components always
 * ride on the last message so the buttons sit under the whole answer.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, Citation } from '../../core/answer/types.ts';
import { SHARE_ID, voteId } from './custom-ids.ts';
import { packEmbeds } from './embed-limits.ts';
import { clip, escapeUserText, linkLabel, safeKnowledgeText } from './escape.ts';

/** Button styles that carry a custom_id (Link and Premium buttons do not). */
export type ClickStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** One Discord message's worth of rendered output. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ActionRow[];
}

export const COLORS = { answer: 0x5865f2, declined: 0x99aab5, success: 0x57f287, failure: 0xed4245, flow: 0xfee75c } as const;

export interface RenderOptions {
  /** Adds a "Share" button: the reply is ephemeral and the user may post it to the channel. */
  shareable?: boolean;
}

function citationLine(citation: Citation): string {
  const parts = [citation.source, citation.section, citation.date].filter(Boolean).map((p) => safeKnowledgeText(String(p)));
  const link = citation.url ? `\n[${linkLabel(citation.title)}](${citation.url})` : '';
  return `${parts.join(' · ')}${link}`;
}

/** One embed field per citation, numbered like the markers in the description. */
export function citationFields(citations: Citation[]): APIEmbedField[] {
  return citations.map((citation, i) => ({ name: `[${i + 1}] ${citation.title}`, value: citationLine(citation) }));
}

export function button(customId: string, label: string, style: ClickStyle, emoji?: string): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style, ...(emoji && { emoji: { name: emoji } }) };
}

export function row(...components: APIButtonComponentWithCustomId[]): ActionRow {
  return { type: ComponentType.ActionRow, components };
}

export function shareButton(): APIButtonComponentWithCustomId {
  return button(SHARE_ID, 'Share', ButtonStyle.Secondary, '📣');
}

/** Spreads embeds over messages and puts the components on the last one. */
export function toMessages(embeds: APIEmbed[], components: ActionRow[]): DiscordMessage[] {
  const groups = packEmbeds(embeds);
  return groups.map((group, i) => ({ embeds: group, components: i === groups.length - 1 ? components : [] }));
}

/** Renders an answer (answered or declined) as Discord messages. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): DiscordMessage[] {
  const question = clip(answer.question.replace(/\s+/g, ' ').trim(), 200);
  const lines = [safeKnowledgeText(answer.lead)];
  answer.snippets.forEach((snippet, i) => {
    const who = (snippet.frameworkNames ?? snippet.frameworks).join(', ');
    lines.push(`**[${i + 1}]** ${who ? `*${who}* — ` : ''}${safeKnowledgeText(snippet.text)}`);
  });
  const fields = citationFields(answer.snippets.map((s) => s.citation));
  if (answer.disagreement) fields.push({ name: '⚖️ The sources disagree', value: safeKnowledgeText(answer.disagreement) });
  if (answer.suggestions.length > 0) {
    fields.push({ name: answer.answered ? 'You could also ask' : 'Questions I can answer', value: answer.suggestions.map((s) => `• ${safeKnowledgeText(s)}`).join('\n') });
  }
  const embed: APIEmbed = {
    color: answer.answered ? COLORS.answer : COLORS.declined,
    // Titles render Markdown poorly; escaping keeps the user's words literal and unmentionable.
    title: question ? escapeUserText(question) : 'Your question',
    description: lines.join('\n\n'),
    fields,
    ...(answer.answered && { footer: { text: 'Answers come only from the curated knowledge base; numbers refer to the sources below.' } }),
  };
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (answer.id) {
    buttons.push(button(voteId('up', answer.id), 'Helpful', ButtonStyle.Secondary, '👍'));
    buttons.push(button(voteId('down', answer.id), 'Not helpful', ButtonStyle.Secondary, '👎'));
  }
  if (options.shareable) buttons.push(shareButton());
  return toMessages([embed], buttons.length > 0 ? [row(...buttons)] : []);
}

/** A short plain notice (errors, acknowledgements) as a message. */
export function renderNotice(text: string, color: number = COLORS.declined, components: ActionRow[] = []): DiscordMessage {
  return { embeds: [{ color, description: clip(text, 4096) }], components };
}
