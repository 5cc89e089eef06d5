/**
 * The core's share of a Slack event: CPU time of `answerQuestion` alone (src/core/answer, no adapter, no
 * store, no logging) over the questions the Slack bench sends, hot in a loop. It is a floor — inside the
 * bot the same call runs between HTTP and Bolt work, with colder caches — but it tells how much of our
 * extra CPU per event the answer engine accounts for, which the adapter cannot remove.
 */
import { answerQuestion } from '../src/core/answer/compose.ts';
import { loadKnowledgeBase } from '../src/core/knowledge/load.ts';
import { CHAT_QUESTIONS } from './chat-questions.ts';

/** Microseconds of CPU per `answerQuestion` call over `knowledgeDir`, after a warm-up. */
export async function answerQuestionMicros(knowledgeDir = 'knowledge', calls = 5_000): Promise<number> {
  const { snapshot } = await loadKnowledgeBase(knowledgeDir);
  if (!snapshot) throw new Error(`the knowledge base in ${knowledgeDir} does not load; run npm run kb:check`);
  const ask = (i: number) => answerQuestion(snapshot, CHAT_QUESTIONS[i % CHAT_QUESTIONS.length]!);
  for (let i = 0; i < 2_000; i++) ask(i);
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) ask(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}
