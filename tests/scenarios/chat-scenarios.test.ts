/**
 * One scenario suite every chat adapter passes: the same questions through the console, Slack (real Bolt
 * over HTTP to the Slack stand-in) and Discord (real discord.js over HTTP + WebSocket to the Discord
 * stand-in), checked on what the user would read. Platform-specific rules (Block Kit limits, Discord's
 * OpenAPI spec, retries, intents) stay in each adapter's own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { ConsoleDriver } from '../console/driver.ts';
import { startHarness as startDiscord } from '../discord/harness.ts';
import { guildMessage } from '../discord/payloads.ts';
import { blockText, startHarness as startSlack } from '../slack/harness.ts';
import { appMention } from '../slack/payloads.ts';

/** What a platform shows a user who asks `question`, as one string (markup included). */
interface ChatDriver {
  ask(question: string): Promise<string>;
  close(): Promise<void>;
}

async function consoleDriver(): Promise<ChatDriver> {
  const driver = new ConsoleDriver(await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore() }));
  await driver.start();
  return { ask: (q) => driver.send(q), close: () => driver.adapter.stop() };
}

async function slackDriver(): Promise<ChatDriver> {
  const h = await startSlack();
  return {
    async ask(question) {
      const before = h.standIn.messages().length;
      await h.event(appMention({ text: question }));
      await h.standIn.waitFor(() => h.standIn.messages().length > before, 5_000, 'the reply');
      return h.standIn.messages().slice(before).map(blockText).join('\n');
    },
    close: () => h.close(),
  };
}

async function discordDriver(): Promise<ChatDriver> {
  const h = await startDiscord();
  return {
    async ask(question) {
      const calls = await h.send('MESSAGE_CREATE', guildMessage(question));
      return calls.map((c) => JSON.stringify(c.body)).join('\n');
    },
    close: () => h.close(),
  };
}

/** Mention syntax a platform would act on (each adapter's own tests cover the paths that echo questions). */
const LIVE_MENTION = /@everyone|@here|<!channel>|<!here>|<!everyone>/;

describe.each([
  ['console', consoleDriver],
  ['slack', slackDriver],
  ['discord', discordDriver],
] as const)('%s', (_name, start) => {
  let chat: ChatDriver;
  beforeAll(async () => {
    chat = await start();
  });
  afterAll(async () => chat?.close());

  it('answers a framework question with the source it quotes', async () => {
    const reply = await chat.ask('Is TensorFlow Lite better than PyTorch Mobile for phones?');
    expect(reply).toMatch(/\[1\]/);
    expect(reply).toMatch(/TensorFlow Lite/);
    expect(reply).toMatch(/Buildkite|Tech Matchups|Section|Vegavid|Framework Desk editors/);
  });

  it('declines an off-topic question and points at what it can answer', async () => {
    const reply = await chat.ask('what is a good recipe for banana bread?');
    expect(reply).toMatch(/outside what I know/);
    expect(reply).toMatch(/choose-framework/);
  });

  it('says "I don\u2019t know" for a framework question its sources do not cover, naming what they lack', async () => {
    const reply = await chat.ask('what is new in PyTorch 2.5?');
    expect(reply).toMatch(/don.t cover/);
    expect(reply).toMatch(/PyTorch 2\.5/);
  });

  it('understands typos and abbreviations the way people type them', async () => {
    const reply = await chat.ask('pytroch vs tf for research??');
    expect(reply).toMatch(/\[1\]/);
    expect(reply).toMatch(/research/i);
  });

  it('keeps @everyone and <!channel> in a question from pinging anyone', async () => {
    const reply = await chat.ask('@everyone <!channel> is pytorch good for research? @here');
    expect(reply).toMatch(/\[1\]/);
    expect(reply).not.toMatch(LIVE_MENTION);
  });
});
