/**
 * Mention-safety for everything the bot posts on Slack. Slack parses `<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U…>`, `<#C…>` and `<!subteam^…>` only from raw `<`…`>` in mrkdwn text, so escaping
 * `&`, `<` and `>` (Slack's own rule for text you did not write) makes every such sequence inert. Plain
 * `@channel` typed as words is also broken with a zero-width space, in case a message is ever sent with
 * `link_names` on. Applied to text from users *and* from the knowledge base.
 */

/** Zero-width space: breaks `@channel` without changing what a reader sees. */
const ZWSP = '\u200b';

/** Control characters (except newline and tab), which Slack renders as boxes or drops: one class, three uses. */
const CONTROL = '\\u0000-\\u0008\\u000b-\\u001f\\u007f';
const CONTROL_CHARACTERS = new RegExp(`[${CONTROL}]`, 'g');

/** Strips control characters, which Slack renders as boxes or drops. */
function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * Text with none of these characters comes out of the functions below unchanged, so it skips their
 * four or five regex passes — most of an answer, which is rendered on every mention.
 */
const PLAIN_TOUCHES = new RegExp(`[${CONTROL}@]`);
const MRKDWN_TOUCHES = new RegExp(`[${CONTROL}@&<>]`);

/** Breaks plain-word mass mentions: `@channel`, `@here`, `@everyone`. */
function neutraliseWordMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)/gi, `@${ZWSP}$1`);
}

/**
 * Escapes any text for a mrkdwn field: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, plus word mentions.
 * Formatting characters (`*`, `_`, `~`) are left alone: they cannot ping anyone.
 */
export function escapeMrkdwn(text: string): string {
  if (!MRKDWN_TOUCHES.test(text)) return text;
  return neutraliseWordMentions(printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Text for a `plain_text` object (button labels, headers): Slack shows it literally, minus word mentions. */
export function safePlainText(text: string): string {
  if (!PLAIN_TOUCHES.test(text)) return text;
  return neutraliseWordMentions(printable(text));
}

/**
 * A mrkdwn link `<url|label>`. Only http(s) URLs become links (no `slack://`, `javascript:`); the URL
 * itself is escaped and `|` is encoded so the label cannot break out.
 */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url)) return safeLabel;
  return `<${url.replace(/&/g, '&amp;')}|${safeLabel}>`;
}

/** Cuts `text` to at most `max` UTF-16 units, ending with an ellipsis when cut; never splits an emoji. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  // Do not leave a half-escaped entity such as `&am` at the cut.
  const cut = text.slice(0, end).replace(/&[a-z]{0,4}$/i, '');
  return `${cut}…`;
}
