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
import { guildMessage, guildReply } from '../discord/payloads.ts';
import { blockText, startHarness as startSlack } from '../slack/harness.ts';
import { appMention, message, nextTs } from '../slack/payloads.ts';

/** What a platform shows a user who asks `question`, as one string (markup included). */
interface ChatDriver {
  /** A new message to the bot: on Slack a mention (its own thread), on Discord a mention in the channel. */
  ask(question: string): Promise<string>;
  /** Continues the last conversation: the console session, the Slack thread, a reply to the last Discord answer. */
  followUp(question: string): Promise<string>;
  /** Leaves the conversation so far behind (the console opens a new session; elsewhere each `ask` does). */
  newConversation(): Promise<void>;
  close(): Promise<void>;
}

async function consoleDriver(): Promise<ChatDriver> {
  const desk = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore() });
  let driver = new ConsoleDriver(desk);
  await driver.start();
  return {
    ask: (q) => driver.send(q),
    followUp: (q) => driver.send(q),
    async newConversation() {
      await driver.adapter.stop();
      driver = new ConsoleDriver(desk);
      await driver.start();
    },
    close: () => driver.adapter.stop(),
  };
}

async function slackDriver(): Promise<ChatDriver> {
  const h = await startSlack();
  let thread: string | undefined;
  const replyTo = async (payload: Record<string, unknown>) => {
    const before = h.standIn.messages().length;
    await h.event(payload);
    await h.standIn.waitFor(() => h.standIn.messages().length > before, 5_000, 'the reply');
    return h.standIn.messages().slice(before).map(blockText).join('\n');
  };
  return {
    ask(question) {
      thread = nextTs();
      return replyTo(appMention({ text: question, ts: thread }));
    },
    // A plain reply in the thread, no mention: the bot follows threads it answered.
    followUp: (question) => replyTo(message({ text: question, channelType: 'channel', threadTs: thread ?? nextTs() })),
    newConversation: async () => void (thread = undefined),
    close: () => h.close(),
  };
}

async function discordDriver(): Promise<ChatDriver> {
  const h = await startDiscord();
  let lastQuestion: string | undefined;
  const replyTo = async (payload: { id: string }) => {
    lastQuestion = payload.id;
    const calls = await h.send('MESSAGE_CREATE', payload);
    return calls.map((c) => JSON.stringify(c.body)).join('\n');
  };
  return {
    ask: (question) => replyTo(guildMessage(question)),
    followUp(question) {
      // A reply to the bot's last answer, with the reply ping turned off (no mention at all).
      const answer = lastQuestion ? h.standIn.replyTo(lastQuestion) : undefined;
      return replyTo(answer ? guildReply(question, answer, { ping: false }) : guildMessage(question));
    },
    newConversation: async () => void (lastQuestion = undefined),
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

  it('reads a follow-up without its subject with the previous question: "and what about for mobile?" after production', async () => {
    await chat.ask('which framework is better for production?');
    const reply = await chat.followUp('and what about for mobile?');
    expect(reply).toMatch(/\[1\]/);
    // Production tooling and mobile together; asked alone, the follow-up leads with mobile only.
    expect(reply).toMatch(/caught up through TorchServe, TorchScript and ONNX export/);
    expect(reply).toMatch(/PyTorch Mobile/);
  });

  it('answers "ok but which one is faster then" and "can you explain that more simply" in the conversation', async () => {
    await chat.ask('is tensorflow good for mobile?');
    expect(await chat.followUp('ok but which one is faster then')).toMatch(/\[1\]/);
    const simpler = await chat.followUp('can you explain that more simply');
    expect(simpler).toMatch(/\[1\]/);
    expect(simpler).toMatch(/Mobile|mobile/);
  });

  it('"source?" returns the previous answer\u2019s citations', async () => {
    const answer = await chat.ask('when was pytorch released?');
    expect(answer).toMatch(/September 2016/);
    const sources = await chat.followUp('source?');
    expect(sources).toMatch(/Sources for/);
    expect(sources).toMatch(/September 2016/);
    expect(sources).toMatch(/PyTorch fact sheet/);
  });

  it('with no previous question, asks what "source?" and a subject-less follow-up refer to', async () => {
    await chat.newConversation();
    expect(await chat.ask('source?')).toMatch(/Sources for which answer\? I have no earlier question in this conversation/);
    expect(await chat.ask('can you explain that more simply')).toMatch(/What does .{0,3}can you explain that more simply.{0,3} refer to\?/);
  });

  it('keeps @everyone and <!channel> in a question from pinging anyone', async () => {
    const reply = await chat.ask('@everyone <!channel> is pytorch good for research? @here');
    expect(reply).toMatch(/\[1\]/);
    expect(reply).not.toMatch(LIVE_MENTION);
  });
});
