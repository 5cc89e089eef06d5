import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIMITS, embedLength, fitEmbed, packEmbeds, splitText } from '../../src/adapters/discord/embed-limits.ts';
import { clip, escapeUserText, neutraliseMentions } from '../../src/adapters/discord/escape.ts';

describe('Discord embed limits', () => {
  it('splits a long description into valid continuation embeds and keeps every character of content', () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `word${i}`).join(' ');
    const embeds = fitEmbed({ title: 'T'.repeat(400), description: words, fields: [{ name: 'a', value: 'b' }], footer: { text: 'f' } });
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds[0]?.title?.length).toBe(LIMITS.title);
    for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embeds.at(-1)?.fields).toHaveLength(1);
    expect(embeds.at(-1)?.footer?.text).toBe('f');
    expect(
      embeds
        .map((e) => e.description)
        .join(' ')
        .split(/\s+/),
    ).toHaveLength(2_000);
  });

  it('packs any embeds into messages of ≤ 10 embeds and ≤ 6000 characters, each embed within its limits', () => {
    const text = fc.string({ maxLength: 3_000 });
    const embed = fc.record({
      title: text,
      description: fc.string({ maxLength: 9_000 }),
      fields: fc.array(fc.record({ name: text, value: fc.string({ maxLength: 2_000 }) }), { maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(embed, { maxLength: 12 }), (embeds) => {
        for (const message of packEmbeds(embeds)) {
          expect(message.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
          expect(message.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
          for (const e of message) {
            expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
            expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
            expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
            for (const f of e.fields ?? []) {
              expect(f.name.length).toBeGreaterThan(0);
              expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
              expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('splits text at word boundaries and never returns a piece over the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5_000 }), fc.integer({ min: 10, max: 500 }), (text, max) => {
        for (const piece of splitText(text, max)) expect(piece.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('Discord escaping', () => {
  it('breaks @everyone, @here and every mention syntax', () => {
    const out = neutraliseMentions('@everyone @here <@123> <@!123> <@&456> <#789> </ask:1>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d|<\/a/);
  });

  it('shows user text literally (Markdown escaped) without control characters', () => {
    expect(escapeUserText('**bold** _x_ @everyone\u0007')).toBe('\\*\\*bold\\*\\* \\_x\\_ @\u200beveryone');
  });

  it('clips with an ellipsis and never splits an emoji', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    const clipped = clip(`${'a'.repeat(9)}😀😀`, 11);
    expect(clipped.length).toBeLessThanOrEqual(11);
    expect(clipped).not.toMatch(/[\ud800-\udbff]…/);
  });
});
