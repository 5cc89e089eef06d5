/**
 * Discord's embed limits (see ../shared/specs/LIMITS.md) applied in one place, so renderers can build
 * embeds naturally and never have a send rejected with 400 "Invalid Form Body". Long descriptions are
 * split into continuation embeds, and embeds are packed into messages of at most 10 embeds and 6000
 * characters in total.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { clip } from './escape.ts';

export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  optionLabel: 100,
  optionDescription: 100,
  choices: 25,
} as const;

/** Characters Discord counts towards the 6000 total of one message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Splits text at paragraph, line or word boundaries into pieces of at most `max` characters. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    name: clip(field.name || '\u200b', LIMITS.fieldName),
    value: clip(field.value || '\u200b', LIMITS.fieldValue),
    ...(field.inline !== undefined && { inline: field.inline }),
  };
}

/**
 * Makes one logical embed valid: clips title/footer/fields, and turns a description longer than 4096
 * into several embeds (the first keeps the title, the last keeps fields and footer).
 */
export function fitEmbed(embed: APIEmbed): APIEmbed[] {
  const { description, fields, footer, ...head } = embed;
  const parts = splitText(description ?? '', LIMITS.description);
  const fitted: APIEmbed[] = parts.map((text, i) => ({
    ...(i === 0 ? { ...head, ...(head.title !== undefined && { title: clip(head.title, LIMITS.title) }) } : {}),
    ...(head.color !== undefined && { color: head.color }),
    ...(text && { description: text }),
  }));
  const last = fitted[fitted.length - 1] ?? {};
  const allFields = (fields ?? []).map(fitField);
  // More than 25 fields continue in another embed rather than being dropped.
  for (let start = 0; start < allFields.length; start += LIMITS.fields) {
    const batch = allFields.slice(start, start + LIMITS.fields);
    if (start === 0) last.fields = batch;
    else fitted.push({ ...(head.color !== undefined && { color: head.color }), fields: batch });
  }
  if (footer) (fitted[fitted.length - 1] ?? last).footer = { ...footer, text: clip(footer.text, LIMITS.footer) };
  return fitted;
}

/**
 * Fits every embed and groups them into messages: each group has at most 10 embeds and 6000
 * characters. An embed that alone exceeds 6000 has its fields split off into a further embed first.
 */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds.flatMap(fitEmbed).flatMap(shrinkBelowTotal)) {
    const length = embedLength(embed);
    if (current.length > 0 && (size + length > LIMITS.embedTotal || current.length === LIMITS.embedsPerMessage)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** A fitted embed can still exceed 6000 (4096 description + 25 full fields): move fields out. */
function shrinkBelowTotal(embed: APIEmbed): APIEmbed[] {
  if (embedLength(embed) <= LIMITS.embedTotal || !embed.fields?.length) return [embed];
  const { fields, ...rest } = embed;
  const out: APIEmbed[] = [rest];
  let batch: APIEmbedField[] = [];
  let size = 0;
  for (const field of fields) {
    const length = field.name.length + field.value.length;
    if (batch.length > 0 && size + length > LIMITS.embedTotal) {
      out.push({ ...(embed.color !== undefined && { color: embed.color }), fields: batch });
      batch = [];
      size = 0;
    }
    batch.push(field);
    size += length;
  }
  if (batch.length > 0) out.push({ ...(embed.color !== undefined && { color: embed.color }), fields: batch });
  return out;
}
