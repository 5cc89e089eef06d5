/**
 * Making user text safe to repeat back on any platform. The core neutralises mass and user mentions in
 * every syntax we serve (Slack `<!channel>`, `<@U…>`; Discord `@everyone`, `<@…>`, `<@&…>`), so even an
 * adapter that forgets to escape cannot ping a channel because someone asked a cheeky question.
 */

/** Zero-width space: breaks mention parsing while looking unchanged to readers. */
const ZWSP = '\u200b';

/** Longest user text ever echoed back (the question line in a reply). */
const MAX_ECHO_CHARS = 300;

/**
 * Strips control characters, collapses whitespace, neutralises mention syntax and truncates to
 * `maxChars` (with an ellipsis). Never throws, whatever the input.
 */
export function sanitizeUserText(text: unknown, maxChars = MAX_ECHO_CHARS): string {
  let s = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  if (s.length > maxChars * 4) s = s.slice(0, maxChars * 4);
  s = s
    // C0/C1 controls, DEL, bidi overrides and other invisible format characters.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Slack special mentions and user/group links: <!channel>, <!here|here>, <!subteam^S1>, <@U123>.
    .replace(/<\s*([!@#])/g, `<${ZWSP}$1`)
    // Discord/Slack mass mentions typed plainly.
    .replace(/@(everyone|here|channel)/gi, `@${ZWSP}$1`);
  // Cutting may have split an emoji; drop lone surrogate halves so the text stays valid UTF-16.
  s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  const chars = Array.from(s);
  if (chars.length > maxChars)
    s = `${chars
      .slice(0, maxChars - 1)
      .join('')
      .trimEnd()}…`;
  return s;
}
