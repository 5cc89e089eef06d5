/**
 * Scoring: every rule whose `when` matches the answers adds its weight to the framework it favours.
 * Missing answers match nothing (no preference). Every declared framework is ranked, favoured by a rule
 * or not. Confidence comes from the winner's margin over the runner-up; when both get strong support
 * the sources' hybrid path is added and confidence lowered.
 */
import type { Citation } from '../answer/types.ts';
import type { Framework } from '../knowledge/schema.ts';
import type { FlowDefinition, FlowRule } from './schema.ts';
import type { FlowAnswers, QuestionId, RankedFramework, Reason, Recommendation } from './types.ts';

export type CiteOf = (chunkId: string) => Citation;

type Scores = Record<Framework, number>;

/** True when every condition of the rule holds for the given answers. */
function ruleMatches(rule: FlowRule, answers: FlowAnswers): boolean {
  return Object.entries(rule.when).every(([question, wanted]) => {
    const answer = answers[question as QuestionId];
    return answer !== undefined && [wanted ?? []].flat().includes(answer);
  });
}

/** Every declared framework's score, in declared order (the order score bars show). */
function scoreAnswers(flow: FlowDefinition, answers: FlowAnswers): { scores: Scores; matched: FlowRule[] } {
  const scores: Scores = Object.fromEntries(flow.frameworks.ids.map((id) => [id, 0]));
  const matched = flow.rules.filter((rule) => ruleMatches(rule, answers));
  for (const rule of matched) scores[rule.favours] = (scores[rule.favours] ?? 0) + rule.weight;
  return { scores, matched };
}

const scoreOf = (scores: Scores, id: Framework) => scores[id] ?? 0;

/** The frameworks sharing the top score, in declared order. */
function leaders(flow: FlowDefinition, scores: Scores): Framework[] {
  const top = Math.max(...flow.frameworks.ids.map((id) => scoreOf(scores, id)));
  return flow.frameworks.ids.filter((id) => scoreOf(scores, id) === top);
}

/** The top scorer; on a tie the flow's `tie.favours` when it is among the leaders, else the first declared. */
function winnerOf(flow: FlowDefinition, scores: Scores): Framework {
  const top = leaders(flow, scores);
  if (top.length > 1 && top.includes(flow.tie.favours)) return flow.tie.favours;
  return top[0] ?? flow.tie.favours;
}

/** Winner first, then by score, ties in declared order. */
function rankingOf(flow: FlowDefinition, scores: Scores, winner: Framework): RankedFramework[] {
  const others = flow.frameworks.ids.filter((id) => id !== winner).sort((a, b) => scoreOf(scores, b) - scoreOf(scores, a));
  return [winner, ...others].map((id) => ({ framework: id, name: flow.frameworks.nameOf(id), score: scoreOf(scores, id) }));
}

/** The best-scoring framework other than `winner` (declared order on ties). */
function challengerOf(flow: FlowDefinition, scores: Scores, winner: Framework): Framework {
  return rankingOf(flow, scores, winner)[1]?.framework ?? winner;
}

function reasonOf(rule: FlowRule, citeOf: CiteOf): Reason {
  return { text: rule.reason, framework: rule.favours, weight: rule.weight, citation: citeOf(rule.cite) };
}

const byWeight = (a: FlowRule, b: FlowRule) => b.weight - a.weight;

/** Single answer changes that would flip the verdict, strongest shift first (at most 3). */
function flips(flow: FlowDefinition, answers: FlowAnswers, winner: Framework): string[] {
  const now = scoreAnswers(flow, answers).scores;
  const tiedNow = leaders(flow, now).length > 1;
  const found: { text: string; margin: number }[] = [];
  for (const question of flow.questions) {
    for (const option of question.options) {
      if (answers[question.id] === option.id) continue;
      const changed = { ...answers, [question.id]: option.id };
      const { scores } = scoreAnswers(flow, changed);
      // Outright flips first; answers that only even the scores are worth knowing too, but rank lower.
      const next = challengerOf(flow, scores, winner);
      const [mine, theirs] = [scoreOf(scores, winner), scoreOf(scores, next)];
      if (next === winner || theirs < mine || (tiedNow && theirs === mine)) continue;
      const instead = answers[question.id] === undefined ? '' : ' instead';
      const effect = theirs > mine ? `would tip it to ${flow.frameworks.nameOf(next)}` : `would make it a toss-up`;
      found.push({ text: `Answering "${question.prompt}" with ${option.label}${instead} ${effect}.`, margin: theirs - mine });
    }
  }
  return found
    .sort((a, b) => b.margin - a.margin)
    .slice(0, 3)
    .map((f) => f.text);
}

/** Do the answers pull strongly towards both leading frameworks (and are they the pair the hybrid text is about)? */
function isConflicting(flow: FlowDefinition, scores: Scores, winner: Framework, runnerUp: Framework): boolean {
  const { minEach, between } = flow.hybrid;
  if (scoreOf(scores, winner) < minEach || scoreOf(scores, runnerUp) < minEach || winner === runnerUp) return false;
  return !between || (between.includes(winner) && between.includes(runnerUp));
}

/**
 * Turns answers into a cited recommendation that ranks every declared framework. Always returns at
 * least one cited reason.
 *
 * @example recommend(flow, citeOf, { target: 'mobile_edge' }).framework // → 'tensorflow'
 */
export function recommend(flow: FlowDefinition, citeOf: CiteOf, answers: FlowAnswers): Recommendation {
  const { scores, matched } = scoreAnswers(flow, answers);
  const framework = winnerOf(flow, scores);
  const ranking = rankingOf(flow, scores, framework);
  const loser = ranking[1]?.framework ?? framework;
  const tie = leaders(flow, scores).length > 1;

  const winning = matched.filter((r) => r.favours === framework).sort(byWeight);
  const reasons = winning.slice(0, flow.maxReasons).map((r) => reasonOf(r, citeOf));
  // The tie text argues for `tie.favours`: it is a reason only when that is the framework named.
  if ((tie && framework === flow.tie.favours) || reasons.length === 0) {
    reasons.unshift({ text: flow.tie.reason, framework, weight: 0, citation: citeOf(flow.tie.cite) });
  }

  // The runner-up's best case: its strongest matched reason, else the strongest rule it has at all.
  const loserRule = matched.filter((r) => r.favours === loser).sort(byWeight)[0] ?? flow.rules.filter((r) => r.favours === loser).sort(byWeight)[0];
  const runnerUp: Recommendation['runnerUp'] = loserRule ? { framework: loser, bestCase: reasonOf(loserRule, citeOf) } : { framework: loser };

  const { minTotal, max, hybridFactor } = flow.confidence;
  const total = ranking.reduce((sum, r) => sum + r.score, 0);
  const margin = scoreOf(scores, framework) - scoreOf(scores, loser);
  const conflicting = isConflicting(flow, scores, framework, loser);
  // 0.5 = a coin toss; the margin's share of all support moves it towards 1, capped at `max`.
  let lead = Math.min(max - 0.5, (0.5 * margin) / Math.max(total, minTotal));
  if (conflicting) lead *= hybridFactor;
  const confidence = 0.5 + lead;

  const wouldChange = flips(flow, answers, framework);
  if (wouldChange.length === 0) wouldChange.push(`No single answer change would tip it to ${flow.frameworks.nameOf(loser)}; it would take several.`);

  const recommendation: Recommendation = {
    framework,
    confidence: Math.round(confidence * 100) / 100,
    scores,
    ranking,
    reasons,
    wouldChange,
    runnerUp,
    answers: { ...answers },
  };
  if (conflicting) recommendation.hybrid = { text: flow.hybrid.reason, framework, weight: 0, citation: citeOf(flow.hybrid.cite) };
  return recommendation;
}
