/** /ask, autocomplete, Share, 👍/👎 and failure handling through the real client and the stand-in. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete, componentClick, slashCommand } from './payloads.ts';
import { overrideDesk, problemsIn, startHarness, type Harness } from './harness.ts';
import { ANSWERABLE } from './questions.ts';
import { CHANNEL_ID, GUILD_ID, messageFromBody, type RecordedCall } from './standin.ts';

interface Callback {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    choices?: { name: string; value: string }[];
    embeds?: { title?: string; description?: string; fields?: { name: string }[] }[];
    components?: { components: { custom_id?: string; label?: string }[] }[];
  };
}

const customIds = (data: Callback['data']) => data?.components?.flatMap((r) => r.components.map((c) => c.custom_id)) ?? [];
const EPHEMERAL = 64;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

async function ask(question: string): Promise<RecordedCall> {
  const [call] = await h.send('INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: question }]));
  return call as RecordedCall;
}

describe('/ask', () => {
  it('answers ephemerally with citations, 👍/👎 and a Share button', async () => {
    const call = await ask(ANSWERABLE);
    expect(call.path).toMatch(/^\/interactions\/\d+\/token-\d+\/callback$/);
    const body = call.body as Callback;
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.embeds?.[0]?.fields?.[0]?.name).toMatch(/^\[1\] /);
    expect(customIds(body.data)).toEqual([expect.stringMatching(/^fd:vote:up:/), expect.stringMatching(/^fd:vote:down:/), 'fd:share']);
  });

  it('works in a DM with the bot too', async () => {
    const [call] = await h.send('INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: ANSWERABLE }], { dm: true }));
    const body = call?.body as Callback;
    expect(body.type).toBe(4);
    expect(body.data?.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('Share posts the answer publicly, keeping 👍/👎 but not Share', async () => {
    const answer = (await ask(ANSWERABLE)).body as Callback;
    const ephemeral = messageFromBody(answer.data, CHANNEL_ID, { flags: EPHEMERAL });
    const [call] = await h.send('INTERACTION_CREATE', componentClick(ephemeral, 'fd:share', undefined));
    const body = call?.body as Callback;
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.content).toMatch(/^Shared by <@\d+>$/);
    expect(body.data?.embeds?.[0]?.description).toBe(answer.data?.embeds?.[0]?.description);
    expect(customIds(body.data)).toEqual(customIds(answer.data).filter((id) => id !== 'fd:share'));
  });

  it('records a 👎 once per person and thanks the voter privately; unknown answers get a friendly note', async () => {
    const answer = (await ask(ANSWERABLE)).body as Callback;
    const message = messageFromBody(answer.data, CHANNEL_ID, { flags: EPHEMERAL });
    const down = customIds(answer.data).find((id) => id?.startsWith('fd:vote:down:')) ?? '';
    const before = (await h.desk.report(10, `discord:${GUILD_ID}`)).downvoted.find((d) => d.question === ANSWERABLE)?.down ?? 0;
    const [call] = await h.send('INTERACTION_CREATE', componentClick(message, down, undefined));
    expect((call?.body as Callback).data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(call?.body)).toMatch(/flag this answer/);
    const [again] = await h.send('INTERACTION_CREATE', componentClick(message, down, undefined));
    expect(JSON.stringify(again?.body)).toMatch(/already rated/);
    const after = (await h.desk.report(10, `discord:${GUILD_ID}`)).downvoted.find((d) => d.question === ANSWERABLE)?.down ?? 0;
    expect(after - before).toBe(1);
    const [stale] = await h.send('INTERACTION_CREATE', componentClick(message, 'fd:vote:up:nosuchanswer', undefined));
    expect(JSON.stringify(stale?.body)).toMatch(/too old to rate/);
  });

  it('autocompletes topics with at most 25 choices', async () => {
    for (const typed of ['', 'de', 'mobile', 'x'.repeat(90)]) {
      const [call] = await h.send('INTERACTION_CREATE', autocomplete(typed));
      const body = call?.body as Callback;
      expect(body.type).toBe(8);
      expect(body.data?.choices?.length ?? 0).toBeLessThanOrEqual(25);
    }
    const [call] = await h.send('INTERACTION_CREATE', autocomplete('dep'));
    expect((call?.body as Callback).data?.choices?.length).toBeGreaterThan(0);
  });

  it('a click on an unknown component gets a friendly note with a way to start over', async () => {
    const [call] = await h.send('INTERACTION_CREATE', componentClick(messageFromBody({}, CHANNEL_ID), 'old-version-button', undefined));
    const body = call?.body as Callback;
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(body)).toMatch(/can no longer act on/);
    expect(body.data?.components?.[0]?.components[0]?.label).toMatch(/new questionnaire/);
  });
});

describe('/ask when the core is slow or broken', () => {
  it('defers within 3 s, then edits the original response', async () => {
    const slow = await startHarness((desk) =>
      overrideDesk(desk, {
        ask: async (q, w) => {
          await new Promise((r) => setTimeout(r, 2_000));
          return desk.ask(q, w);
        },
      }),
    );
    try {
      const started = Date.now();
      const [deferral, edit] = await slow.send('INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: ANSWERABLE }]), 2, 8_000);
      expect((deferral?.body as Callback).type).toBe(5);
      expect((deferral?.at ?? 0) - started).toBeLessThan(3_000);
      expect(edit?.method).toBe('PATCH');
      expect(edit?.path).toMatch(/\/messages\/@original$/);
      expect(JSON.stringify(edit?.body)).toMatch(/fd:share/);
      expect(problemsIn(slow.standIn.calls)).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('logs a failing handler and apologises to the user', async () => {
    const broken = await startHarness((desk) => overrideDesk(desk, { ask: () => Promise.reject(new Error('kaboom')) }));
    try {
      const [call] = await broken.send('INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: ANSWERABLE }]));
      expect((call?.body as Callback).data?.flags).toBe(EPHEMERAL);
      expect(JSON.stringify(call?.body)).toMatch(/something went wrong/);
      expect(broken.logs.some((l) => l.msg === 'Discord interaction handler failed')).toBe(true);
      expect(broken.adapter.isReady()).toBe(true);
      expect(problemsIn(broken.standIn.calls)).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});
