import { loadKnowledgeBase } from '../src/core/knowledge/load.ts';
import { answerQuestion } from '../src/core/answer/compose.ts';
import { renderAnswerText } from '../src/core/answer/plain-text.ts';
import { loadEvalSet, runEval } from '../tests/core/eval-set.ts';
const { snapshot } = await loadKnowledgeBase('knowledge');
const r = runEval(loadEvalSet(process.env.SET ?? 'tests/eval/held-out.yaml'), (q) => {
  const a = answerQuestion(snapshot!, q);
  return { answered: a.answered, text: renderAnswerText(a) };
});
console.log(`held-out: ${r.correct}/${r.total} answerable correct, ${r.declined}/${r.offTopic} off-topic declined`);
if (process.env.SHOW) {
  for (const f of r.failures) console.log('  miss:', f.q, '—', f.why);
  for (const q of r.leaks) console.log('  leak:', q);
}
