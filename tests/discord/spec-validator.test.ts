/** The validator has teeth: it rejects what Discord would reject. */
import { describe, expect, it } from 'vitest';
import { specValidator } from './spec-validator.ts';

const v = () => specValidator();
const ok = { content: 'hi', allowed_mentions: { parse: [] } };

describe('Discord spec validator', () => {
  it('accepts a well-formed message, callback, edit and command body', () => {
    expect(v().check('POST', '/channels/1/messages', ok)).toEqual([]);
    expect(v().check('POST', '/interactions/1/tok/callback', { type: 4, data: { ...ok, flags: 64 } })).toEqual([]);
    expect(v().check('PATCH', '/webhooks/1/tok/messages/@original', ok)).toEqual([]);
    expect(v().check('PUT', '/applications/1/commands', [{ name: 'ask', description: 'Ask' }])).toEqual([]);
  });

  it('rejects bodies Discord would refuse', () => {
    const longId = { type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: 'x'.repeat(101) }] };
    expect(v().check('POST', '/channels/1/messages', { ...ok, components: [longId] })).not.toEqual([]);
    expect(v().check('POST', '/channels/1/messages', { content: 'x'.repeat(2_001) })).toEqual(['content 2001 > 2000']);
    const big = Array.from({ length: 2 }, () => ({ description: 'x'.repeat(3_500) }));
    expect(v().check('POST', '/channels/1/messages', { embeds: big })).toEqual(['embeds total 7000 > 6000']);
    expect(v().check('POST', '/interactions/1/tok/callback', { type: 4, data: { content: 'x'.repeat(2_001) } })).not.toEqual([]);
    expect(v().check('POST', '/interactions/1/tok/callback', { type: 99 })).not.toEqual([]);
    expect(v().check('PUT', '/applications/1/commands', [{ name: 'Ask Me', description: 'x' }])).toContain('bad command/option name "Ask Me"');
    const select = { type: 3, custom_id: 'pick', options: Array.from({ length: 26 }, (_, i) => ({ label: `${i}`, value: `${i}` })) };
    expect(v().check('POST', '/channels/1/messages', { components: [{ type: 1, components: [select] }] })).not.toEqual([]);
  });
});
