/**
 * Workspaces in the core: the Desk keeps declined questions, votes and rate limits per workspace, and the
 * settings command parses, saves and explains a workspace's settings — with a store that fails too.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { type Requester, StoreUnavailableError } from '../../src/core/ports.ts';
import { answersFollowUpsIn, DEFAULT_SETTINGS, WorkspaceSettingsSchema } from '../../src/core/settings/schema.ts';
import { parseSettingsCommand, runSettingsCommand, type SettingsPlatform } from '../../src/core/settings/settings-command.ts';
import { WorkspaceSettingsStore } from '../../src/core/settings/settings-store.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const channels: SettingsPlatform = { parse: (w) => /^#(\w+)$/.exec(w)?.[1], show: (id) => `#${id}`, followUpsByDefault: 'none' };
const inA: Requester = { platform: 'discord', userId: 'U1', conversation: 'C1', workspace: 'discord:A' };
const inB: Requester = { ...inA, workspace: 'discord:B' };

describe('the Desk per workspace', () => {
  it('files declined questions and votes under the workspace they came from', async () => {
    const desk = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore() });
    await desk.ask('how do I bake bread?', inA);
    const answer = await desk.ask('is pytorch good for research?', inA);
    // The vote comes from a click anywhere; it lands where the answer was given.
    expect(await desk.recordFeedback(answer.id!, 'down', { ...inB, workspace: undefined })).toBe('recorded');
    const a = await desk.report(10, 'discord:A');
    expect(a.unanswered.map((u) => u.question)).toEqual(['how do I bake bread?']);
    expect(a.downvoted.map((d) => d.question)).toEqual(['is pytorch good for research?']);
    for (const other of [await desk.report(10, 'discord:B'), await desk.report(10)]) expect(other).toEqual({ unanswered: [], downvoted: [], feedback: [] });
  });

  it('counts a person’s question budget per workspace', async () => {
    const desk = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore(), rateLimit: { limit: 1, windowMs: 60_000 } });
    expect((await desk.ask('when was pytorch released?', inA)).declineReason).toBeUndefined();
    expect((await desk.ask('when was pytorch released?', inA)).declineReason).toBe('rate_limited');
    expect((await desk.ask('when was pytorch released?', inB)).declineReason).toBeUndefined();
  });
});

describe('the settings command', () => {
  it('reads every change, deduplicates channels, and names what is wrong', () => {
    expect(parseSettingsCommand('', channels)).toEqual({ kind: 'show' });
    expect(parseSettingsCommand('Answers PRIVATE', channels)).toEqual({ kind: 'set', change: { answers: 'private' } });
    expect(parseSettingsCommand('follow-ups #a, #b #a', channels)).toEqual({ kind: 'set', change: { followUps: 'listed', followUpChannels: ['a', 'b'] } });
    expect(parseSettingsCommand('followups none', channels)).toEqual({ kind: 'set', change: { followUps: 'none', followUpChannels: [] } });
    expect(parseSettingsCommand('follow-ups', channels)).toMatchObject({ kind: 'error' });
    expect(parseSettingsCommand('follow-ups general', channels)).toMatchObject({ kind: 'error', message: expect.stringMatching(/"general" is not a channel/) });
    expect(parseSettingsCommand(`follow-ups ${Array.from({ length: 51 }, (_, i) => `#c${i}`).join(' ')}`, channels)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/At most 50/),
    });
    expect(parseSettingsCommand('reset now', channels)).toMatchObject({ kind: 'error' });
  });

  it('saves per workspace, and answers follow-ups where the settings say', async () => {
    const settings = new WorkspaceSettingsStore(new MemoryStore());
    expect(await runSettingsCommand(settings, 'slack:T1', 'follow-ups #help', '/x settings', channels)).toMatch(/Saved[\s\S]*only in #help/);
    const saved = await settings.get('slack:T1');
    expect([answersFollowUpsIn(saved, 'help', 'all'), answersFollowUpsIn(saved, 'random', 'all')]).toEqual([true, false]);
    // Unset, each platform keeps its own default.
    expect([answersFollowUpsIn(DEFAULT_SETTINGS, 'random', 'all'), answersFollowUpsIn(DEFAULT_SETTINGS, 'random', 'none')]).toEqual([true, false]);
    expect(await runSettingsCommand(settings, 'slack:T2', '', '/x settings', channels)).toMatch(/without a mention nowhere/);
    expect(await settings.get('slack:T2')).toEqual(DEFAULT_SETTINGS);
    expect(await runSettingsCommand(settings, 'slack:T1', 'reset', '/x settings', channels)).toMatch(/Back to the defaults/);
    expect(await settings.get('slack:T1')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a corrupt record as the defaults, field by field', async () => {
    const store = new MemoryStore();
    const settings = new WorkspaceSettingsStore(store);
    await store.setRecord('settings:w', '{"answers":"private","followUps":"sometimes"}');
    expect(await settings.get('w')).toEqual({ ...DEFAULT_SETTINGS, answers: 'private' });
    await store.setRecord('settings:w', 'not json');
    expect(await settings.get('w')).toEqual(DEFAULT_SETTINGS);
  });

  it('parses each stored record once, hands out frozen settings, and follows every change of the record', async () => {
    const store = new MemoryStore();
    const settings = new WorkspaceSettingsStore(store);
    const parse = vi.spyOn(WorkspaceSettingsSchema, 'safeParse');
    const first = await settings.get('w');
    expect(await settings.get('w')).toBe(first);
    expect(await settings.get('other')).toBe(first); // neither has a record: the same defaults
    expect(parse).toHaveBeenCalledTimes(1);
    expect(() => (first.followUpChannels as string[]).push('C1')).toThrow(TypeError);
    expect(() => Object.assign(first, { answers: 'private' })).toThrow(TypeError);
    await settings.update('w', { answers: 'private', followUps: 'listed', followUpChannels: ['C1'] });
    expect(await settings.get('w')).toEqual({ answers: 'private', followUps: 'listed', followUpChannels: ['C1'] });
    expect(await settings.get('other')).toEqual(DEFAULT_SETTINGS);
    await store.setRecord('settings:w', '{"answers":"channel","followUps":"none"}');
    expect(await settings.get('w')).toEqual({ answers: 'channel', followUps: 'none', followUpChannels: [] });
    await settings.reset('w');
    expect(await settings.get('w')).toBe(first);
    parse.mockRestore();
  });

  it('with the store down: answers with the defaults, and tells the admin nothing was changed', async () => {
    const store = new MemoryStore();
    const down = () => Promise.reject(new StoreUnavailableError(new Error('ECONNREFUSED')));
    Object.assign(store, { getRecord: down, setRecord: down });
    const settings = new WorkspaceSettingsStore(store);
    expect(await settings.get('w')).toEqual(DEFAULT_SETTINGS);
    expect(await runSettingsCommand(settings, 'w', 'answers private', '/x settings', channels)).toMatch(/^Nothing was changed: .*try again/);
  });
});
