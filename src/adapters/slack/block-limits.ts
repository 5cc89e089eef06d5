/**
 * Slack's Block Kit limits (../shared/specs/LIMITS.md) and the two tools that keep every message inside
 * them: long mrkdwn is split into several section blocks, and long block lists into several messages.
 */
import type { KnownBlock } from '@slack/types';
import { clip } from './escape.ts';

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  contextElements: 10,
  actionsElements: 25,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  /** Top-level `text` may be 40,000, but it is the notification fallback: keep it readable. */
  fallbackText: 3_000,
} as const;

/** What the bot sends: blocks plus the fallback `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Splits raw text into pieces whose rendered (escaped) form fits `max`, cutting at a line break or a space
 * when one is near. `render` is applied to each piece, so entities such as `&amp;` are never cut in half.
 */
export function splitRendered(raw: string, render: (piece: string) => string, max: number = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = raw.trim();
  while (rest.length > 0) {
    let n = Math.min(rest.length, max);
    // The rendering that was measured is the one kept, unless the cut moves: each piece is rendered once.
    let rendered = render(rest.slice(0, n));
    while (n > 1 && rendered.length > max) {
      n = Math.floor(n * 0.8);
      rendered = render(rest.slice(0, n));
    }
    if (n < rest.length) {
      const measured = n;
      const window = rest.slice(0, n);
      const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
      if (cut > n / 2) n = cut;
      // Callers may pass text escaped already (identity render): never cut inside &amp; &lt; &gt;.
      const amp = rest.lastIndexOf('&', n - 1);
      if (amp > 0 && amp > n - 5 && rest.indexOf(';', amp) >= n) n = amp;
      if (n !== measured) rendered = render(rest.slice(0, n));
    }
    pieces.push(rendered);
    rest = rest.slice(n).trimStart();
  }
  return pieces;
}

/** One or more mrkdwn section blocks holding `raw` rendered with `render`. */
export function sections(raw: string, render: (piece: string) => string): KnownBlock[] {
  return splitRendered(raw, render).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** A context block of mrkdwn lines (at most 10 elements, each ≤ 3,000). */
export function context(lines: string[]): KnownBlock {
  return {
    type: 'context',
    elements: lines.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) })),
  };
}

/** Splits blocks into messages of at most 50; the fallback text goes on every part. */
export function toMessages(blocks: KnownBlock[], fallback: string): SlackMessage[] {
  const text = clip(fallback, LIMITS.fallbackText);
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    messages.push({ text, blocks: blocks.slice(i, i + LIMITS.blocksPerMessage) });
  }
  return messages.length > 0 ? messages : [{ text, blocks: [] }];
}
