/**
 * What follow-ups cost on the answer path: the same questions through `desk.ask` with no conversation
 * (CLI, slash commands), as standalone questions in a conversation (every chat message: one turn read
 * and written), and as follow-up pairs ("and for mobile?" after a question, then "source?"). Memory
 * store, then a local redis-server when one is installed.
 */
import { createDesk } from '../src/core/desk.ts';
import type { Requester, Store } from '../src/core/ports.ts';
import { MemoryStore } from '../src/stores/memory-store.ts';
import { RedisStore } from '../src/stores/redis-store.ts';
import { hasRedisServer, TestRedis } from '../tests/ops/redis-server.ts';
import { CHAT_QUESTIONS } from './chat-questions.ts';
import { percentile, sampleTimes } from './timing.ts';

const KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;
const QUESTIONS = CHAT_QUESTIONS;
/** A question, its follow-up without a subject, and a sources request: one conversation each. */
const CONVERSATION = ['which is better for production?', 'and what about for mobile?', 'source?'];
const ROUNDS = 2_000;

const fmt = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(3)} ms  p99 ${percentile(samples, 99).toFixed(3)} ms`;

async function measure(store: Store, label: string): Promise<void> {
  const desk = await createDesk({ knowledgeDir: KNOWLEDGE, store });
  const alone: Requester = { platform: 'cli', userId: 'bench', conversation: 'bench' };
  const inThread = (i: number): Requester => ({ ...alone, platform: 'console', thread: { key: `console:bench-${i % 500}` } });
  for (let i = 0; i < 200; i++) await desk.ask(QUESTIONS[i % QUESTIONS.length]!, inThread(i)); // warm-up
  const none = await sampleTimes(ROUNDS, (i) => desk.ask(QUESTIONS[i % QUESTIONS.length]!, alone));
  const standalone = await sampleTimes(ROUNDS, (i) => desk.ask(QUESTIONS[i % QUESTIONS.length]!, inThread(i)));
  const conversation = await sampleTimes(ROUNDS, (i) => desk.ask(CONVERSATION[i % CONVERSATION.length]!, inThread(Math.floor(i / CONVERSATION.length))));
  console.log(`${label}: no conversation   ${fmt(none)}`);
  console.log(`${label}: in a conversation ${fmt(standalone)}  (standalone questions: one turn read + written)`);
  console.log(`${label}: follow-up pairs   ${fmt(conversation)}  (question → "and what about for mobile?" → "source?")`);
}

export async function run(): Promise<void> {
  await measure(new MemoryStore(), 'MemoryStore');
  if (!hasRedisServer()) return console.log('redis-server not installed: Redis figures skipped');
  const server = await TestRedis.start();
  const store = new RedisStore({ url: server.url, keyPrefix: 'bench-follow-ups:' });
  await store.connect();
  await measure(store, 'RedisStore ').finally(() => store.close().then(() => server.destroy()));
}
