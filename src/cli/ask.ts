/**
 * `npm run --silent ask -- [--json] ["question"]` — ask the knowledge base from a terminal or script.
 *
 * With a question argument: one answer. Without: one question per stdin line, exactly one answer per
 * line — a blank line too gets an `answered: false` hint — so batch consumers stay aligned. `--json` prints
 * exactly one JSON object per answer:
 * `{"question","answered","answer","citations":[{"title","source","url"?,"section"?,"snippet"}]}`.
 * Loads the knowledge base directly (no store, no adapters), so it starts fast.
 */
import { createInterface } from 'node:readline';
import { answerQuestion } from '../core/answer/compose.ts';
import { answerToJson } from '../core/answer/answer-json.ts';
import { renderAnswerText } from '../core/answer/plain-text.ts';
import type { KnowledgeSnapshot } from '../core/knowledge/snapshot.ts';
import { KNOWLEDGE_HELP, KNOWLEDGE_OPTION, runKnowledgeCli } from './knowledge-cli.ts';

function print(snapshot: KnowledgeSnapshot, question: string, json: boolean): void {
  const answer = answerQuestion(snapshot, question);
  process.stdout.write(json ? `${answerToJson(answer)}\n` : `${renderAnswerText(answer)}\n\n`);
}

runKnowledgeCli(
  {
    name: 'ask',
    usage: 'npm run --silent ask -- [--json] [--knowledge <dir>] ["your question"]',
    help: `Answers a question from the knowledge base, with numbered citations. With no question, answers one
question per stdin line, exactly one answer per line.

  --json             one JSON line per answer: {"question","answered","answer","citations":[…]}
${KNOWLEDGE_HELP}`,
    options: { ...KNOWLEDGE_OPTION, json: { type: 'boolean' } },
    positionals: true,
  },
  async (snapshot, { values, positionals }) => {
    const json = values.json === true;
    if (positionals.length > 0) {
      print(snapshot, positionals.join(' '), json);
      return 0;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    // Every line gets its answer, blank ones included: skipping them would shift every later answer.
    for await (const line of lines) print(snapshot, line, json);
    return 0;
  },
);
