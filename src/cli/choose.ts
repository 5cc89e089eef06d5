/**
 * `npm run --silent choose -- [--json] goal=… target=… hardware=… domain=… team=…` — the /choose-framework
 * recommendation without a chat. Missing answers count as "no preference". `--json` prints one line:
 * `{"framework","confidence","reasons","citations",…}` (see `core/flow/recommendation-json.ts`).
 * Bad question or option ids exit 2 with a message naming the valid ones; a broken base exits 1.
 * `goal:research` works as well as `goal=research`.
 */
import { parseFlowPreset } from '../core/flow/preset.ts';
import { renderRecommendationText } from '../core/flow/plain-text.ts';
import { recommend } from '../core/flow/recommend.ts';
import { toRecommendationJson } from '../core/flow/recommendation-json.ts';
import { KNOWLEDGE_HELP, KNOWLEDGE_OPTION, runKnowledgeCli } from './knowledge-cli.ts';

runKnowledgeCli(
  {
    name: 'choose',
    usage: 'npm run --silent choose -- [--json] [--knowledge <dir>] [goal=…] [target=…] [hardware=…] [domain=…] [team=…]',
    help: `The /choose-framework recommendation without a chat: which framework, how sure, and why, every reason
cited. Unanswered questions count as "no preference"; "goal:research" works as well as "goal=research".

  --json             one JSON line: {"framework","confidence","reasons","citations","scores",…}
${KNOWLEDGE_HELP}`,
    options: { ...KNOWLEDGE_OPTION, json: { type: 'boolean' } },
    positionals: true,
  },
  (snapshot, { values, positionals }) => {
    const preset = parseFlowPreset(positionals.join(' '), snapshot.flow);
    if (preset.errors.length > 0) {
      for (const error of preset.errors) console.error(`choose: ${error}`);
      return 2;
    }
    const rec = recommend(snapshot.flow, (id) => snapshot.citationFor(id), preset.answers);
    process.stdout.write(values.json ? `${JSON.stringify(toRecommendationJson(rec, snapshot.chunkById))}\n` : `${renderRecommendationText(rec)}\n`);
    return 0;
  },
);
