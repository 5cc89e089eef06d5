/**
 * Slack → plain question text. Slack delivers message text with its own markup: `&amp;`/`&lt;`/`&gt;`
 * entities, links as `<https://…|label>`, mentions as `<@U…>` and `<!channel>`. The core wants what the
 * user meant to ask, so links become their label, the bot's own mention is removed and every other
 * mention is dropped (the core's sanitiser neutralises anything left, and we escape again on the way out).
 */

/** Longest question passed to the core; longer text is cut (retrieval only needs the gist). */
export const MAX_QUESTION_CHARS = 2_000;

export function questionFromSlackText(text: unknown, botUserId?: string): string {
  if (typeof text !== 'string') return '';
  let s = text.length > MAX_QUESTION_CHARS * 4 ? text.slice(0, MAX_QUESTION_CHARS * 4) : text;
  if (botUserId) s = s.split(`<@${botUserId}>`).join(' ');
  s = s
    // <@U123> / <@U123|name> user mentions, <!channel> style specials, <#C123|general> channels.
    .replace(/<@[^>]*>/g, ' ')
    .replace(/<![^>]*>/g, ' ')
    .replace(/<#[^|>]*\|([^>]*)>/g, '#$1')
    .replace(/<#[^>]*>/g, ' ')
    // <https://x|label> → label, <https://x> → https://x
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return s.slice(0, MAX_QUESTION_CHARS);
}
