/**
 * The JAX fixture base end to end on every adapter: a JAX question is answered from the Fixture Review,
 * and /choose-framework with `team: jax` recommends JAX with three score bars — console, Slack (real
 * Bolt over HTTP to the stand-in) and Discord (real discord.js over HTTP + WebSocket to the stand-in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommandDefinitions } from '../../src/adapters/discord/command-definitions.ts';
import { flowQuestions } from '../../src/adapters/discord/flow-questions.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { Desk } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { ConsoleDriver } from '../console/driver.ts';
import { buildJaxBase } from '../core/jax-fixture.ts';
import { problemsIn, startHarness as startDiscord } from '../discord/harness.ts';
import { guildMessage, slashCommand as discordSlash } from '../discord/payloads.ts';
import { blockText, startHarness as startSlack } from '../slack/harness.ts';
import { appMention, slashCommand as slackSlash } from '../slack/payloads.ts';

const PRESET = { goal: 'research', target: 'cloud_server', hardware: 'gpu', domain: 'other', team: 'jax' };

interface ChatDriver {
  ask(question: string): Promise<string>;
  /** Runs /choose-framework with every question pre-answered; what the user sees of the result. */
  choose(): Promise<string>;
  /** What tells the user what they can ask: greeting and /help, the empty /framework-ask, command descriptions. */
  help(): Promise<string>;
  close(): Promise<void>;
}

let base: ReturnType<typeof buildJaxBase>;
const jaxDesk = () => createDesk({ knowledgeDir: base.dir, store: new MemoryStore() });

async function consoleDriver(): Promise<ChatDriver> {
  const driver = new ConsoleDriver(await jaxDesk());
  const greeting = await driver.start();
  const preset = Object.entries(PRESET)
    .map(([q, o]) => `${q}:${o}`)
    .join(' ');
  return {
    ask: (q) => driver.send(q),
    choose: () => driver.send(`/choose-framework ${preset}`),
    help: async () => `${greeting}\n${await driver.send('/help')}`,
    close: () => driver.adapter.stop(),
  };
}

async function slackDriver(): Promise<ChatDriver> {
  const h = await startSlack({ knowledge: base.dir });
  let n = 0;
  return {
    async ask(question) {
      const before = h.standIn.messages().length;
      await h.event(appMention({ text: question }));
      await h.standIn.waitFor(() => h.standIn.messages().length > before, 5_000, 'the reply');
      return h.standIn.messages().slice(before).map(blockText).join('\n');
    },
    async choose() {
      const id = `jax${++n}`;
      const text = Object.entries(PRESET)
        .map(([q, o]) => `${q}:${o}`)
        .join(' ');
      await h.command(slackSlash('/choose-framework', text, h.standIn.responseUrl(id)));
      const calls = () => h.standIn.calls.filter((c) => c.method === `response:${id}`);
      await h.standIn.waitFor(() => calls().length > 0, 5_000, 'the recommendation');
      expect(h.problems()).toEqual([]);
      return calls().map(blockText).join('\n');
    },
    async help() {
      const id = `help${++n}`;
      await h.command(slackSlash('/framework-ask', '', h.standIn.responseUrl(id)));
      await h.standIn.waitFor(() => h.standIn.calls.some((c) => c.method === `response:${id}`), 5_000, 'the hint');
      return h.standIn.calls
        .filter((c) => c.method === `response:${id}`)
        .map(blockText)
        .join('\n');
    },
    close: () => h.close(),
  };
}

async function discordDriver(): Promise<ChatDriver> {
  const desk: Desk = await jaxDesk();
  const h = await startDiscord(() => desk, false);
  return {
    async ask(question) {
      const calls = await h.send('MESSAGE_CREATE', guildMessage(question));
      return calls.map((c) => JSON.stringify(c.body)).join('\n');
    },
    async choose() {
      const options = Object.entries(PRESET).map(([name, value]) => ({ name, type: 3, value }));
      const calls = await h.send('INTERACTION_CREATE', discordSlash('choose-framework', options));
      expect(problemsIn(calls)).toEqual([]);
      return calls.map((c) => JSON.stringify(c.body)).join('\n');
    },
    // Discord has no help message: the command descriptions `npm run discord:register` sends say it.
    help: async () => JSON.stringify(buildCommandDefinitions(await flowQuestions(desk), desk.status().frameworks)),
    close: () => h.close(),
  };
}

beforeAll(() => {
  base = buildJaxBase();
});
afterAll(() => base?.remove());

const DRIVERS = { console: consoleDriver, slack: slackDriver, discord: discordDriver } as const;

describe('the JAX fixture base on every adapter', () => {
  it.each(Object.keys(DRIVERS) as (keyof typeof DRIVERS)[])(
    '%s: answers a JAX question from the Fixture Review, recommends JAX with a bar per framework, names all three in its help',
    async (name) => {
      const chat = await DRIVERS[name]();
      try {
        const reply = await chat.ask('how does jax vmap compare to pmap?');
        expect(reply).toMatch(/vmap/);
        expect(reply).toMatch(/Fixture Review/);
        // JSON-escaped on Discord: newlines arrive as \n inside the embed's description.
        const result = (await chat.choose()).replaceAll('\\n', '\n');
        expect(result).toMatch(/Recommendation: JAX/);
        const bars = result.split('\n').filter((line) => /^(TensorFlow|PyTorch|JAX) +[█░]{10} \d+\.\d$/.test(line.trim()));
        expect(bars.map((line) => line.trim().split(' ')[0])).toEqual(['TensorFlow', 'PyTorch', 'JAX']);
        expect(bars.find((line) => line.trim().startsWith('JAX'))).toMatch(/██████████ 4\.0$/);
        expect(await chat.help()).toMatch(/TensorFlow vs PyTorch vs JAX/);
      } finally {
        await chat.close();
      }
    },
  );
});
