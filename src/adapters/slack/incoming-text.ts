/**
 * Slack → plain question text. Slack delivers message text with its own markup: `&amp;`/`&lt;`/`&gt;`
 * entities, links as `<https://…|label>` or `<https://…>`, mentions as `<@U…>`, `<!channel>`, `<#C…|name>`.
 * Links become their label (or the bare URL); mention markup is passed on untouched for the core, which
 * strips addressing and applies the length limit for every platform (`src/core/question-text.ts`).
 *
 * One left-to-right pass with `indexOf`: every character is looked at a bounded number of times, so
 * hostile input (100 KB of unclosed `<`) costs what plain text of the same length does. The regexes this
 * replaces were quadratic on it.
 */

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Slack's three entities, decoded in one pass (`&amp;lt;` stays `&lt;`, as Slack means it). */
function decodeEntities(text: string): string {
  return text.replace(/&(?:lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The text of one `<…>` token: a link's label or URL; mention markup unchanged for the core. */
function decodeToken(inner: string): string {
  if (/^[@#!]/.test(inner)) return `<${inner}>`;
  const bar = inner.indexOf('|');
  return bar === -1 ? inner : inner.slice(bar + 1);
}

/** Decodes Slack markup in `text` (anything else, e.g. `undefined`, reads as an empty question). */
export function questionFromSlackText(text: unknown): string {
  if (typeof text !== 'string') return '';
  const parts: string[] = [];
  let at = 0;
  // Position of the next `<` at or after `at`, searched again only once `at` has passed it.
  let nextOpen = text.indexOf('<');
  while (at < text.length) {
    const close = text.indexOf('>', at);
    if (close === -1) break;
    if (nextOpen !== -1 && nextOpen < at) nextOpen = text.indexOf('<', at);
    if (nextOpen === -1 || nextOpen > close) {
      parts.push(decodeEntities(text.slice(at, close + 1)));
    } else {
      // The token starts at the last `<` before this `>` (found scanning back no further than nextOpen):
      // stray `<` before it are plain text.
      const open = text.lastIndexOf('<', close);
      parts.push(decodeEntities(text.slice(at, open)), decodeEntities(decodeToken(text.slice(open + 1, close))));
    }
    at = close + 1;
  }
  parts.push(decodeEntities(text.slice(at)));
  return parts.join('').replace(/\s+/g, ' ').trim();
}
