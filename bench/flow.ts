/**
 * Flow benchmark: flow file parse time, one recommendation (scoring + would-change search), one full
 * questionnaire through the Desk with the in-memory store, and MemoryStore throughput under a flood of
 * abandoned sessions. Run alone with `npm run bench -- flow`.
 */
import { readFileSync } from 'node:fs';
import { createDesk } from '../src/core/desk.ts';
import { advanceFlow } from '../src/core/flow/machine.ts';
import { parseFlow } from '../src/core/flow/parse.ts';
import { recommend } from '../src/core/flow/recommend.ts';
import { loadKnowledgeBase } from '../src/core/knowledge/load.ts';
import { MemoryStore } from '../src/stores/memory-store.ts';
import { percentile, sampleTimes } from './timing.ts';

async function time(label: string, n: number, body: (i: number) => unknown): Promise<void> {
  const samples = await sampleTimes(n, body);
  const f = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
  console.log(`${label.padEnd(44)} n=${n}  p50 ${f(percentile(samples, 50))}  p99 ${f(percentile(samples, 99))}`);
}

export async function run(): Promise<void> {
  const { snapshot } = await loadKnowledgeBase('knowledge');
  if (!snapshot) throw new Error('knowledge/ does not load — run npm run kb:check');
  const text = readFileSync('knowledge/flow/choose-framework.yaml', 'utf8');
  const ids = new Set(snapshot.chunkById.keys());
  const citeOf = (id: string) => snapshot.citationFor(id);
  const flow = snapshot.flow;
  const options = flow.questions.map((q) => q.options.map((o) => o.id));

  await time('parse + validate flow file', 200, () => parseFlow(text, 'flow.yaml', ids, snapshot.frameworks));
  await time('recommend (5 answers, incl. would-change)', 2_000, (i) =>
    recommend(flow, citeOf, Object.fromEntries(flow.questions.map((q, k) => [q.id, options[k]![(i + k) % options[k]!.length]]))),
  );
  await time('advanceFlow start → 5 answers → result', 1_000, () => {
    let { session, step } = advanceFlow(flow, citeOf, undefined, { type: 'start' });
    while (step.kind === 'question')
      ({ session, step } = advanceFlow(flow, citeOf, session, { type: 'answer', nonce: step.nonce, question: step.questionId, option: step.options[0]!.id }));
  });

  const desk = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore() });
  await time('Desk.flow full questionnaire (MemoryStore)', 500, async (i) => {
    const who = { platform: 'cli' as const, userId: `u${i}`, conversation: 'bench' };
    let step = await desk.flow(who, { type: 'start' });
    while (step.kind === 'question') step = await desk.flow(who, { type: 'answer', nonce: step.nonce, question: step.questionId, option: step.options[1]!.id });
  });

  const store = new MemoryStore({ maxEntries: 50_000 });
  const flood = 200_000;
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < flood; i++) await store.setSession(`flow:slack:u${i}:c`, '{"v":1,"nonce":"abcdefgh","answers":{"goal":"research"},"history":["goal"]}', 30 * 60_000);
  const ms = performance.now() - started;
  const mb = (process.memoryUsage().heapUsed - before) / 1_048_576;
  console.log(
    `MemoryStore flood: ${flood.toLocaleString('en')} sessions in ${ms.toFixed(0)} ms (${((flood / ms) * 1000).toFixed(0)}/s); kept ${store.sizes.sessions.toLocaleString('en')} (cap), heap +${mb.toFixed(1)} MB`,
  );
}
