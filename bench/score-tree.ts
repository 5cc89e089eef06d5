/**
 * Scores any checkout's `ask --json` contract on evaluation sets — how "before" figures are taken from
 * an older commit with the same judge as today's (`git worktree add /tmp/before <commit>`):
 *
 *   npx tsx bench/score-tree.ts [--tree <checkout>] [--misses] tests/eval/blind-4.yaml …
 *
 * The questions go through the checkout's own CLI, one per stdin line; an answer is judged on its text
 * without the "Related" / "You could ask about" line, as `answerBody` judges today's answers.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEvalSet, runEval } from '../tests/core/eval-set.ts';

const { values, positionals } = parseArgs({ options: { tree: { type: 'string', default: '.' }, misses: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error('usage: npx tsx bench/score-tree.ts [--tree <checkout>] [--misses] <set.yaml> …');
  process.exit(2);
}
const tree = path.resolve(values.tree);

/** Answers every question through the checkout's CLI in one process. */
function askAll(questions: readonly string[]): Map<string, { answered: boolean; text: string }> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], { cwd: tree, input: `${questions.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`ask failed in ${tree}: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== questions.length) throw new Error(`${questions.length} questions but ${lines.length} answers from ${tree}`);
  const answers = new Map<string, { answered: boolean; text: string }>();
  lines.forEach((line, i) => {
    const json = JSON.parse(line) as { answered: boolean; answer: string };
    const body = json.answer
      .split('\n')
      .filter((l) => !/^(Related|You could ask about): /.test(l))
      .join('\n');
    answers.set(questions[i] ?? '', { answered: json.answered, text: body });
  });
  return answers;
}

for (const file of positionals) {
  const set = loadEvalSet(path.resolve(file));
  const questions = [...set.answerable.map((a) => a.q), ...set.off_topic, ...set.uncovered.map((u) => u.q)];
  const answers = askAll(questions);
  const result = runEval(set, (q) => answers.get(q) ?? { answered: false, text: '' });
  const pct = (n: number, d: number) => (d ? `${n}/${d} (${((100 * n) / d).toFixed(1)}%)` : 'n/a');
  console.log(
    `${path.basename(file)} @ ${tree}: answerable ${pct(result.correct, result.total)}, off-topic declined ${pct(result.declined, result.offTopic)}, uncovered declined ${pct(result.uncoveredDeclined, result.uncovered)}`,
  );
  if (values.misses) {
    for (const f of result.failures) console.log(`  miss: ${f.q} — ${f.why}`);
    for (const q of result.leaks) console.log(`  off-topic answered: ${q}`);
    for (const q of result.uncoveredLeaks) console.log(`  uncovered answered: ${q}`);
  }
}
