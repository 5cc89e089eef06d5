/** /choose-framework end to end: options, select clicks updating one message, Back, Cancel, expiry. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { componentClick, slashCommand } from './payloads.ts';
import { problemsIn, startHarness, type Harness } from './harness.ts';
import { CHANNEL_ID, GUILD_ID, messageFromBody, snowflake } from './standin.ts';
import { ASKER_ID } from './payloads.ts';
import { decodeFlowAction } from '../../src/core/flow/action-codec.ts';

interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  options?: { label: string; value: string }[];
}
interface Data {
  flags?: number;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: Component[] }[];
}
interface Callback {
  type: number;
  data?: Data;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

const EPHEMERAL = 64;
const components = (data: Data | undefined) => data?.components?.flatMap((r) => r.components) ?? [];
const select = (data: Data | undefined) => components(data).find((c) => c.type === 3);
const buttonLabelled = (data: Data | undefined, label: string) => components(data).find((c) => c.type === 2 && c.label === label);

/** The flow message as Discord would hand it back on a click: ephemeral, owned by the asker. */
function asMessage(data: Data | undefined) {
  return messageFromBody(data, CHANNEL_ID, {
    flags: EPHEMERAL,
    interaction_metadata: {
      id: snowflake(),
      type: 2,
      user: { id: ASKER_ID, username: 'asker', discriminator: '0', avatar: null, global_name: null },
      authorizing_integration_owners: { 0: GUILD_ID },
    },
  });
}

async function start(options: { name: string; type: number; value: string }[] = []): Promise<Data | undefined> {
  const [call] = await h.send('INTERACTION_CREATE', slashCommand('choose-framework', options));
  const body = call?.body as Callback;
  expect(body.type).toBe(4);
  expect(body.data?.flags).toBe(EPHEMERAL);
  return body.data;
}

/** Picks an option on the current question; returns the updated message (callback type 7). */
async function pick(data: Data | undefined, index = 0): Promise<Data | undefined> {
  const menu = select(data);
  const value = menu?.options?.[index]?.value ?? menu?.options?.[0]?.value;
  expect(menu?.custom_id && value).toBeTruthy();
  const [call] = await h.send('INTERACTION_CREATE', componentClick(asMessage(data), menu?.custom_id ?? '', [value ?? '']));
  const body = call?.body as Callback;
  expect(body.type).toBe(7);
  return body.data;
}

async function click(data: Data | undefined, label: string): Promise<Callback> {
  const button = buttonLabelled(data, label);
  expect(button, `button "${label}"`).toBeDefined();
  const [call] = await h.send('INTERACTION_CREATE', componentClick(asMessage(data), button?.custom_id ?? '', undefined));
  return call?.body as Callback;
}

const isResult = (data: Data | undefined) => /^Choose a framework — (TensorFlow|PyTorch)$/.test(data?.embeds?.[0]?.title ?? '');

describe('/choose-framework', () => {
  it('runs the whole flow by clicks to a cited recommendation, updating one message in place', async () => {
    let data = await start();
    expect(data?.embeds?.[0]?.title).toMatch(/question 1 of \d/);
    let clicks = 0;
    while (!isResult(data) && clicks < 10) {
      data = await pick(data);
      clicks += 1;
    }
    expect(isResult(data)).toBe(true);
    expect(clicks).toBeGreaterThanOrEqual(3);
    expect(data?.embeds?.[0]?.description).toMatch(/Recommendation: (TensorFlow|PyTorch)/);
    expect(data?.embeds?.[0]?.fields?.[0]?.name).toMatch(/^\[1\] /);
    expect(buttonLabelled(data, 'Start over')).toBeDefined();
    expect(buttonLabelled(data, 'Share')).toBeDefined();
  });

  it('skips questions pre-answered by command options', async () => {
    const first = await start();
    const total = Number(/of (\d+)/.exec(first?.embeds?.[0]?.title ?? '')?.[1]);
    // The first select's options tell us a valid goal answer without hard-coding the flow file.
    const data = await start([{ name: 'goal', type: 3, value: firstOptionId(first) }]);
    expect(isResult(data) || !new RegExp(`question 1 of ${total}`).test(data?.embeds?.[0]?.title ?? '')).toBe(true);
    expect(data?.embeds?.[0]?.description).not.toBe(first?.embeds?.[0]?.description);
  });

  it('Back returns to the previous question and Cancel ends the questionnaire', async () => {
    const first = await start();
    const second = await pick(first);
    const back = await click(second, 'Back');
    expect(back.type).toBe(7);
    expect(back.data?.embeds?.[0]?.title).toBe(first?.embeds?.[0]?.title);
    const cancelled = await click(back.data, 'Cancel');
    expect(cancelled.type).toBe(7);
    expect(select(cancelled.data)).toBeUndefined();
    expect(buttonLabelled(cancelled.data, 'Start over')).toBeDefined();
  });

  it('a click on an expired questionnaire says so and offers Start over, which works', async () => {
    const old = await start();
    await start(); // a new questionnaire replaces the old one's session
    const expired = await pick(old);
    expect(expired?.embeds?.[0]?.title).toMatch(/expired/i);
    const restarted = await click(expired, 'Start over');
    expect(restarted.type).toBe(7);
    expect(restarted.data?.embeds?.[0]?.title).toMatch(/question 1 of/);
  });

  it("refuses clicks on someone else's questionnaire", async () => {
    const data = await start();
    const menu = select(data);
    const [call] = await h.send('INTERACTION_CREATE', componentClick(asMessage(data), menu?.custom_id ?? '', [menu?.options?.[0]?.value ?? ''], { userId: '200000000000000077' }));
    const body = call?.body as Callback;
    expect(body.type).toBe(4);
    expect(JSON.stringify(body)).toMatch(/belongs to someone else/);
  });
});

/** Option id of the first option of a question message, read back from its encoded select value. */
function firstOptionId(data: Data | undefined): string {
  const label = select(data)?.options?.[0]?.value ?? '';
  return decodeOption(label);
}

function decodeOption(value: string): string {
  const action = decodeFlowAction(value);
  return action?.type === 'answer' ? action.option : '';
}
