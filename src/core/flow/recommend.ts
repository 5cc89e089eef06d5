/**
 * Scoring: every rule whose `when` matches the answers adds its weight to the framework it favours.
 * Missing answers match nothing (no preference). Confidence comes from the margin; when both sides get
 * strong support the sources' hybrid path is added and confidence lowered.
 */
import type { Citation } from '../answer/types.ts';
import type { Framework } from '../knowledge/schema.ts';
import type { FlowDefinition, FlowRule } from './schema.ts';
import type { FlowAnswers, QuestionId, Reason, Recommendation } from './types.ts';
import { FRAMEWORK_NAMES } from '../answer/frameworks.ts';

export type CiteOf = (chunkId: string) => Citation;

const FRAMEWORKS: readonly Framework[] = ['tensorflow', 'pytorch'];

/** True when every condition of the rule holds for the given answers. */
function ruleMatches(rule: FlowRule, answers: FlowAnswers): boolean {
  return Object.entries(rule.when).every(([question, wanted]) => {
    const answer = answers[question as QuestionId];
    return answer !== undefined && [wanted ?? []].flat().includes(answer);
  });
}

function scoreAnswers(flow: FlowDefinition, answers: FlowAnswers): { scores: Record<Framework, number>; matched: FlowRule[] } {
  const scores: Record<Framework, number> = { tensorflow: 0, pytorch: 0 };
  const matched = flow.rules.filter((rule) => ruleMatches(rule, answers));
  for (const rule of matched) scores[rule.favours] += rule.weight;
  return { scores, matched };
}

function winnerOf(flow: FlowDefinition, scores: Record<Framework, number>): Framework {
  if (scores.tensorflow === scores.pytorch) return flow.tie.favours;
  return scores.tensorflow > scores.pytorch ? 'tensorflow' : 'pytorch';
}

const other = (framework: Framework): Framework => (framework === 'tensorflow' ? 'pytorch' : 'tensorflow');

function reasonOf(rule: FlowRule, citeOf: CiteOf): Reason {
  return { text: rule.reason, framework: rule.favours, weight: rule.weight, citation: citeOf(rule.cite) };
}

const byWeight = (a: FlowRule, b: FlowRule) => b.weight - a.weight;

/** Single answer changes that would flip the verdict, strongest shift first (at most 3). */
function flips(flow: FlowDefinition, answers: FlowAnswers, winner: Framework): string[] {
  const now = scoreAnswers(flow, answers).scores;
  const tiedNow = now.tensorflow === now.pytorch;
  const found: { text: string; margin: number }[] = [];
  for (const question of flow.questions) {
    for (const option of question.options) {
      if (answers[question.id] === option.id) continue;
      const changed = { ...answers, [question.id]: option.id };
      const { scores } = scoreAnswers(flow, changed);
      // Outright flips first; answers that only even the scores are worth knowing too, but rank lower.
      const next = other(winner);
      if (scores[next] < scores[winner] || (tiedNow && scores[next] === scores[winner])) continue;
      const instead = answers[question.id] === undefined ? '' : ' instead';
      const effect = scores[next] > scores[winner] ? `would tip it to ${FRAMEWORK_NAMES[next]}` : `would make it a toss-up`;
      found.push({ text: `Answering "${question.prompt}" with ${option.label}${instead} ${effect}.`, margin: scores[next] - scores[winner] });
    }
  }
  return found
    .sort((a, b) => b.margin - a.margin)
    .slice(0, 3)
    .map((f) => f.text);
}

/**
 * Turns answers into a cited recommendation. Always returns at least one cited reason.
 *
 * @example recommend(flow, citeOf, { target: 'mobile_edge' }).framework // → 'tensorflow'
 */
export function recommend(flow: FlowDefinition, citeOf: CiteOf, answers: FlowAnswers): Recommendation {
  const { scores, matched } = scoreAnswers(flow, answers);
  const framework = winnerOf(flow, scores);
  const loser = other(framework);
  const tie = scores.tensorflow === scores.pytorch;

  const winning = matched.filter((r) => r.favours === framework).sort(byWeight);
  const reasons = winning.slice(0, flow.maxReasons).map((r) => reasonOf(r, citeOf));
  if (tie || reasons.length === 0) {
    reasons.unshift({ text: flow.tie.reason, framework, weight: 0, citation: citeOf(flow.tie.cite) });
  }

  // The runner-up's best case: its strongest matched reason, else the strongest rule it has at all.
  const loserRule = matched.filter((r) => r.favours === loser).sort(byWeight)[0] ?? flow.rules.filter((r) => r.favours === loser).sort(byWeight)[0];
  const runnerUp: Recommendation['runnerUp'] = loserRule ? { framework: loser, bestCase: reasonOf(loserRule, citeOf) } : { framework: loser };

  const { minTotal, max, hybridFactor } = flow.confidence;
  const total = scores.tensorflow + scores.pytorch;
  const margin = Math.abs(scores.tensorflow - scores.pytorch);
  const conflicting = FRAMEWORKS.every((f) => scores[f] >= flow.hybrid.minEach);
  // 0.5 = a coin toss; the margin's share of all support moves it towards 1, capped at `max`.
  let lead = Math.min(max - 0.5, (0.5 * margin) / Math.max(total, minTotal));
  if (conflicting) lead *= hybridFactor;
  const confidence = 0.5 + lead;

  const wouldChange = flips(flow, answers, framework);
  if (wouldChange.length === 0) wouldChange.push(`No single answer change would tip it to ${FRAMEWORK_NAMES[loser]}; it would take several.`);

  const recommendation: Recommendation = {
    framework,
    confidence: Math.round(confidence * 100) / 100,
    scores,
    reasons,
    wouldChange,
    runnerUp,
    answers: { ...answers },
  };
  if (conflicting) recommendation.hybrid = { text: flow.hybrid.reason, framework, weight: 0, citation: citeOf(flow.hybrid.cite) };
  return recommendation;
}
