/**
 * The shortcuts in Slack rendering (escape.ts skips text with nothing to escape; splitRendered renders
 * each piece once) against the plain versions they replaced, copied here as references: the output must
 * be the same for any text, including every character the escaping reacts to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRendered } from '../../src/adapters/slack/block-limits.ts';
import { escapeMrkdwn, safePlainText } from '../../src/adapters/slack/escape.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the reference strips control characters
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
const words = (text: string) => text.replace(/@(channel|here|everyone)/gi, '@\u200b$1');
const referenceMrkdwn = (text: string) => words(printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
const referencePlain = (text: string) => words(printable(text));

function referenceSplit(raw: string, render: (piece: string) => string, max: number): string[] {
  const pieces: string[] = [];
  let rest = raw.trim();
  while (rest.length > 0) {
    let n = Math.min(rest.length, max);
    while (n > 1 && render(rest.slice(0, n)).length > max) n = Math.floor(n * 0.8);
    if (n < rest.length) {
      const window = rest.slice(0, n);
      const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
      if (cut > n / 2) n = cut;
      const amp = rest.lastIndexOf('&', n - 1);
      if (amp > 0 && amp > n - 5 && rest.indexOf(';', amp) >= n) n = amp;
    }
    pieces.push(render(rest.slice(0, n)));
    rest = rest.slice(n).trimStart();
  }
  return pieces;
}

/** Text dense in what escaping and splitting react to: entities, mentions, control characters, breaks. */
const touchy = fc
  .array(fc.constantFrom('a', 'Z', ' ', '\n', '\t', '&', '<', '>', '@', ';', '|', '@here', '@CHANNEL', '@everyone', '&amp;', '\u0000', '\u001f', '\u007f', '\u200b', '😀', 'é'), {
    maxLength: 400,
  })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(touchy, fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('Slack rendering shortcuts', () => {
  it('escape exactly as the full passes do, for any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(escapeMrkdwn(text)).toBe(referenceMrkdwn(text));
        expect(safePlainText(text)).toBe(referencePlain(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('split into the same pieces as rendering twice did, for any text, render and limit', () => {
    const quote = (piece: string) =>
      escapeMrkdwn(piece)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    const renders = [(piece: string) => piece, escapeMrkdwn, quote];
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 8, max: 120 }), (text, which, max) => {
        const render = renders[which]!;
        expect(splitRendered(text, render, max)).toEqual(referenceSplit(text, render, max));
      }),
      { numRuns: 2_000 },
    );
  });

  it('renders a piece that fits once, not once to measure and again to keep', () => {
    let calls = 0;
    const pieces = splitRendered('a short answer & more', (piece) => {
      calls += 1;
      return escapeMrkdwn(piece);
    });
    expect(pieces).toEqual(['a short answer &amp; more']);
    expect(calls).toBe(1);
  });
});
