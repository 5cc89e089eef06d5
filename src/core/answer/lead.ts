/**
 * The lead: the first line of an answer is the answer — the one sentence of the cited sections that
 * best answers the question, in the base's words, with its citation number ("PyTorch was first
 * released in September 2016 [1]."). A question about one framework is led by a sentence about that
 * framework, never by the other's ("can pytorch run on tpus?" is not answered with TensorFlow's TPUs).
 */
import type { Framework } from '../knowledge/schema.ts';
import { carriesFact, type FactKind } from './asked-fact.ts';
import { type AnalysedSentence, matchedWeight } from './sentences.ts';

export interface LeadCandidate {
  /** The snippet's sentences, and the snippet's number in the answer (1-based). */
  sentences: readonly AnalysedSentence[];
  number: number;
  /** The section's retrieval score relative to the best cited section's (1 for the best). */
  relevance: number;
  /** Terms of the question as this chunk matched them (a prefix "optim" matched "optimization"). */
  terms: ReadonlySet<string>;
  /** Those of `terms` in the section's heading, which every sentence of the section is about. */
  headingTerms: ReadonlySet<string>;
  /**
   * A correction note (`kind: corrections`) opens with the disputed claim: it leads only when no fact
   * section has a sentence for the question, so a claim the editors call wrong never opens an answer.
   */
  correction: boolean;
}

export interface LeadQuery {
  idf: (term: string) => number;
  /** The frameworks the question names (not the implied all of a comparison). */
  frameworks: readonly Framework[];
  /** Every declared framework: a sentence naming only others is not about the asked one. */
  declared: readonly Framework[];
  /** The kind of fact asked for: a sentence giving it answers better. */
  asks: FactKind | undefined;
}

/** A pointer elsewhere ('see "Where our sources disagree"') says nothing by itself: never a lead. */
const CROSS_REFERENCE = /\bsee ["“]/i;

function score(sentence: AnalysedSentence, candidate: LeadCandidate, query: LeadQuery): number {
  if (CROSS_REFERENCE.test(sentence.text)) return 0;
  let matched = matchedWeight(sentence, candidate.terms, candidate.headingTerms, query.idf);
  if (matched === 0) return 0;
  if (query.asks && carriesFact(sentence, query.asks, query.declared)) matched += 1;
  // About the asked framework, or about neither: fine. About only the other one: not this question's answer.
  const named = query.declared.filter((f) => sentence.words.has(f));
  if (query.frameworks.length > 0 && named.length > 0) {
    const asked = query.frameworks.filter((f) => sentence.words.has(f)).length;
    matched *= asked > 0 ? 1 + 0.25 * asked : 0.3;
  }
  return matched;
}

/** The leading sentence with its citation number, or undefined when no sentence matches the question. */
export function leadSentence(candidates: readonly LeadCandidate[], query: LeadQuery): string | undefined {
  return (
    bestOf(
      candidates.filter((c) => !c.correction),
      query,
    ) ?? bestOf(candidates, query)
  );
}

function bestOf(candidates: readonly LeadCandidate[], query: LeadQuery): string | undefined {
  let best: { text: string; number: number; score: number } | undefined;
  // A sentence speaks with its section's relevance: a weaker section must have a much better sentence.
  for (const candidate of candidates) {
    for (const sentence of candidate.sentences) {
      const value = score(sentence, candidate, query) * candidate.relevance;
      if (value > 0 && (!best || value > best.score)) best = { text: sentence.text, number: candidate.number, score: value };
    }
  }
  if (!best) return undefined;
  const text = best.text.replace(/\s+$/, '');
  return `${/[.!?]$/.test(text) ? text : `${text}.`} [${best.number}]`;
}
