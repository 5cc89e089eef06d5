/**
 * The quality gate: the real knowledge base against the KB author's evaluation set. Fails below 90%
 * correct answers or if any off-topic question is answered. Prints the score and every miss.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { answerBody, loadEvalSet, runEval, type EvalResult } from './eval-set.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';

let result: EvalResult;

beforeAll(async () => {
  const kb = await loadShippedSnapshot();
  result = runEval(loadEvalSet(), (q) => {
    const answer = answerQuestion(kb, q);
    return { answered: answer.answered, text: answerBody(answer) };
  });
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(
    `eval: ${result.correct}/${result.total} answerable correct (${pct(result.correct, result.total)}), ${result.declined}/${result.offTopic} off-topic declined (${pct(result.declined, result.offTopic)})`,
  );
  for (const f of result.failures) console.log(`  miss: ${f.q} — ${f.why}`);
  for (const q of result.leaks) console.log(`  off-topic answered: ${q}`);
});

describe('evaluation set', () => {
  it('has a realistic size (≥ 60 answerable, ≥ 15 off-topic)', () => {
    expect(result.total).toBeGreaterThanOrEqual(60);
    expect(result.offTopic).toBeGreaterThanOrEqual(15);
  });

  it('answers at least 90% of answerable questions correctly', () => {
    expect(result.correct / result.total).toBeGreaterThanOrEqual(0.9);
  });

  it('declines 100% of off-topic questions', () => {
    expect(result.leaks).toEqual([]);
  });
});
