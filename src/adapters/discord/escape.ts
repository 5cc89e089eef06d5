/**
 * Mention-safety and Markdown escaping for everything the bot posts on Discord. Two layers on purpose:
 * `NO_MENTIONS` (sent as `allowed_mentions` on every message, reply, edit and interaction response) makes
 * Discord refuse to ping anyone, and `neutraliseMentions` breaks the mention syntax itself so quoted text
 * cannot even *look* like a ping. Knowledge text is authored Markdown and keeps its formatting; text a
 * user typed is escaped so it renders literally.
 */
import { escapeMarkdown } from 'discord.js';

/** `allowed_mentions` for every send: parse nothing, never ping the person replied to. */
export const NO_MENTIONS = { parse: [] as [], repliedUser: false } as const;

/** Zero-width space: breaks `@everyone` / `<@id>` without changing what a reader sees. */
const ZWSP = '\u200b';

/**
 * Breaks `@everyone`, `@here`, user/role/channel mentions (`<@1>`, `<@!1>`, `<@&1>`, `<#1>`) and
 * slash-command mentions (`</name:1>`) so they render as plain text.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(@[!&]?|#|\/)/g, `<${ZWSP}$1`);
}

/** Text a user typed, shown back to them: no formatting, no mentions, no control characters. */
export function escapeUserText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const printable = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return neutraliseMentions(escapeMarkdown(printable));
}

/** Knowledge-base text: keep the author's Markdown, but never let it mention anyone. */
export function safeKnowledgeText(text: string): string {
  return neutraliseMentions(text);
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Avoid splitting a surrogate pair (emoji) in half.
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Escapes a string for use inside a Markdown link label `[label](url)`; brackets would end it early.
 */
export function linkLabel(text: string): string {
  return neutraliseMentions(text.replace(/([[\]\\])/g, '\\$1'));
}
