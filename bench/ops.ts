/**
 * Ops figures: what Redis costs per question compared with the in-memory store (same Desk, same
 * questions, one core), raw RedisStore operation latency, and how long a reload takes when idle.
 * Needs `redis-server` on PATH for the Redis half (skipped with a note otherwise).
 */
import { spawnSync } from 'node:child_process';
import { createDesk } from '../src/core/desk.ts';
import type { Store } from '../src/core/ports.ts';
import { MemoryStore } from '../src/stores/memory-store.ts';
import { RedisStore } from '../src/stores/redis-store.ts';
import { TestRedis } from '../tests/ops/redis-server.ts';
import { percentile, sampleTimes } from './timing.ts';

const KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;
const QUESTIONS = [
  'Which framework is better for mobile deployment?',
  'is pytorch easier to debug than tf?',
  'How many GitHub stars does TensorFlow have?',
  'what about TPUs and XLA',
  'how do I bake bread',
];
const ROUNDS = 2_000;

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

async function timeAsk(store: Store): Promise<{ p50: number; p99: number }> {
  const desk = await createDesk({ knowledgeDir: KNOWLEDGE, store, rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
  const who = { platform: 'cli' as const, userId: 'bench', conversation: 'bench' };
  for (let i = 0; i < 200; i++) await desk.ask(QUESTIONS[i % QUESTIONS.length]!, who); // warm-up
  const times = await sampleTimes(ROUNDS, (i) => desk.ask(QUESTIONS[i % QUESTIONS.length]!, who));
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function timeOps(store: RedisStore): Promise<string> {
  const lines: string[] = [];
  for (const [name, op] of [
    ['claimOnce', (i: number) => store.claimOnce(`bench-${i}`, 60_000)],
    ['allowRate', () => store.allowRate('bench-user', 1_000_000, 60_000)],
    ['getSession', () => store.getSession('bench-session')],
  ] as const) {
    const times = await sampleTimes(ROUNDS, op);
    lines.push(`  ${name.padEnd(11)} p50 ${fmt(percentile(times, 50))}  p99 ${fmt(percentile(times, 99))}`);
  }
  return lines.join('\n');
}

export async function run(): Promise<void> {
  const desk = await createDesk({ knowledgeDir: KNOWLEDGE, store: new MemoryStore() });
  const reloads: number[] = [];
  for (let i = 0; i < 10; i++) reloads.push((await desk.reload('bench')).ms);
  reloads.sort((a, b) => a - b);
  console.log(`reload (idle, real base): median ${fmt(percentile(reloads, 50))}, max ${fmt(reloads.at(-1) ?? 0)}`);

  const memory = await timeAsk(new MemoryStore());
  console.log(`desk.ask with MemoryStore (${ROUNDS} questions): p50 ${fmt(memory.p50)}  p99 ${fmt(memory.p99)}`);

  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.log('redis-server not installed: Redis figures skipped');
    return;
  }
  const server = await TestRedis.start();
  try {
    const store = new RedisStore({ url: server.url, keyPrefix: 'bench:' });
    await store.connect();
    const redis = await timeAsk(store);
    console.log(`desk.ask with RedisStore  (${ROUNDS} questions): p50 ${fmt(redis.p50)}  p99 ${fmt(redis.p99)}  (local redis-server)`);
    console.log(`RedisStore operations (${ROUNDS} each, local redis-server):\n${await timeOps(store)}`);
    await store.close();
  } finally {
    await server.destroy();
  }
}
