/**
 * Discord end to end: the production adapter (real discord.js Client, real Desk over `knowledge/`) against
 * the local Discord stand-in from the tests. Measures connect-to-ready, mention → reply and /ask →
 * interaction response latency (dispatch on the gateway until the REST call lands), and a burst of
 * concurrent mentions. Everything is local, so the figures are the bot's own overhead, not Discord's.
 */
import pino from 'pino';
import { createDiscordAdapter } from '../src/adapters/discord/index.ts';
import { createDesk } from '../src/core/desk.ts';
import { MemoryStore } from '../src/stores/memory-store.ts';
import { guildMessage, slashCommand } from '../tests/discord/payloads.ts';
import { DiscordStandIn } from '../tests/discord/standin.ts';
import { percentile } from './timing.ts';
import { CHAT_QUESTIONS } from './chat-questions.ts';

function summary(label: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(`${label.padEnd(28)} n=${s.length}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  max ${f(s.at(-1) ?? NaN)} ms`);
}

async function timed(standIn: DiscordStandIn, t: string, d: unknown): Promise<number> {
  const from = standIn.calls.length;
  const started = performance.now();
  standIn.dispatch(t, d);
  await standIn.waitForCalls(() => true, 1, from, 10_000);
  return performance.now() - started;
}

export async function run(rounds = 200): Promise<void> {
  DiscordStandIn.heartbeatIntervalMs = 45_000;
  const standIn = await DiscordStandIn.start();
  const desk = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore() });
  const adapter = createDiscordAdapter({ desk, logger: pino({ level: 'silent' }), token: 'bench.token.0000000000', apiUrl: standIn.apiUrl, adminUserIds: [] });
  try {
    const connectStarted = performance.now();
    await adapter.start();
    console.log(`connect → ready (HELLO, IDENTIFY, READY, GUILD_CREATE): ${(performance.now() - connectStarted).toFixed(0)} ms`);
    const mention: number[] = [];
    const ask: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const question = CHAT_QUESTIONS[i % CHAT_QUESTIONS.length] ?? '';
      mention.push(await timed(standIn, 'MESSAGE_CREATE', guildMessage(question)));
      ask.push(await timed(standIn, 'INTERACTION_CREATE', slashCommand('ask', [{ name: 'question', type: 3, value: question }])));
    }
    summary('mention → reply', mention);
    summary('/ask → interaction response', ask);
    const burst = 100;
    const from = standIn.calls.length;
    const started = performance.now();
    for (let i = 0; i < burst; i += 1) standIn.dispatch('MESSAGE_CREATE', guildMessage(CHAT_QUESTIONS[i % CHAT_QUESTIONS.length] ?? ''));
    await standIn.waitForCalls(() => true, burst, from, 30_000);
    console.log(`burst of ${burst} concurrent mentions answered in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    await adapter.stop();
    await standIn.close();
  }
}
