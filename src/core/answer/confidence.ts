/**
 * The "do I actually know this?" decision. Three signals, tuned on tests/eval/questions.yaml:
 * - coverage: how much of the question (IDF-weighted, unknown words weigh the most) the best chunk
 *   matched. "how do I center a div in css" matches nothing specific → off-topic, whatever the scores;
 * - absolute BM25 score of the best chunk;
 * - the gap to the runner-up: a weak best hit that barely beats the next is a guess, not an answer.
 */
import type { ParsedQuestion } from './question.ts';
import type { KnowledgeIndex, SearchHit } from './search-index.ts';
import { FRAMEWORKS } from './frameworks.ts';

export const CONFIDENCE_TUNING = {
  /** Below this share of the question's weight matched by the best chunk, the question is not ours. */
  minCoverage: 0.5,
  /** Minimum BM25 score of the best chunk... */
  minScore: 4,
  /** ...unless it clearly beats the runner-up (relative gap) with this lower floor. */
  minScoreWithGap: 2.5,
  minGap: 0.3,
};

export type Decision =
  | { answer: true; coverage: number }
  | { answer: false; reason: 'empty' | 'off_topic' | 'low_confidence'; coverage: number };

const isFramework = (term: string) => (FRAMEWORKS as readonly string[]).includes(term);

/** IDF-weighted share of the question's non-framework terms that `hit` matched. */
export function coverageOf(parsed: ParsedQuestion, hit: SearchHit | undefined, index: KnowledgeIndex): number {
  const topical = parsed.terms.filter((t) => !isFramework(t));
  if (topical.length === 0) return hit ? 1 : 0;
  const matched = new Set(hit?.matchedTerms ?? []);
  let total = 0;
  let covered = 0;
  for (const term of topical) {
    const weight = index.idf(term);
    total += weight;
    if (matched.has(term)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}

export function decide(parsed: ParsedQuestion, hits: readonly SearchHit[], index: KnowledgeIndex): Decision {
  if (parsed.terms.length === 0) return { answer: false, reason: 'empty', coverage: 0 };
  const [top, second] = hits;
  const coverage = coverageOf(parsed, top, index);
  if (!top) return { answer: false, reason: parsed.frameworks.length ? 'low_confidence' : 'off_topic', coverage };
  if (coverage < CONFIDENCE_TUNING.minCoverage) {
    // Naming a framework makes it our topic even when the rest is unknown: "I don't know", not "off-topic".
    return { answer: false, reason: parsed.frameworks.length ? 'low_confidence' : 'off_topic', coverage };
  }
  const gap = second ? (top.score - second.score) / top.score : 1;
  const t = CONFIDENCE_TUNING;
  const confident = top.score >= t.minScore || (top.score >= t.minScoreWithGap && gap >= t.minGap);
  if (!confident) return { answer: false, reason: 'low_confidence', coverage };
  return { answer: true, coverage };
}
