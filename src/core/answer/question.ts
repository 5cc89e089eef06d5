/**
 * Turning raw chat text into what retrieval needs. Any input is accepted: it is truncated first (a
 * 50,000-character paste must not cost more than a normal question), then framework typos are fixed
 * ("pytroch"), synonyms canonicalised ("tflite" → "tensorflow lite") and stop words dropped.
 */
import type { Framework } from '../knowledge/schema.ts';
import { correctFrameworkTypo, frameworksIn } from './frameworks.ts';
import type { SynonymExpander } from './synonym-expansion.ts';
import { toTerm, words } from './terms.ts';

/** Characters of a question that are read; chat questions are far shorter, pastes are cut here. */
export const MAX_QUESTION_CHARS = 600;
/** Distinct search terms kept, so even a long question stays within the latency budget. */
export const MAX_QUERY_TERMS = 24;

/** Addressing noise, not content: Slack `<@U1>`, `<!here>`, `<#C1|general>`, Discord `<@&1>`, `@everyone`, links. */
const MENTIONS = /<[@#!][^>\s]*>|@(everyone|here|channel)\b|https?:\/\/\S+/gi;

export interface ParsedQuestion {
  /** Canonical words (typos fixed, synonyms replaced), stop words included. */
  words: string[];
  /** Distinct content terms (stemmed), in question order. */
  terms: string[];
  /** The term of each word in `words`, '' for stop words: what is next to what ("tpu v4", "apple m1"). */
  sequence: string[];
  /** Frameworks the question names, in canonical order. */
  frameworks: Framework[];
  /** What kind of fact the question asks for, so snippets prefer sentences carrying it. */
  wants: { year: boolean; figure: boolean };
  /**
   * Frameworks the answer should cover: the named ones, or both for an implicit comparison ("which is
   * easier for beginners?").
   */
  sides: Framework[];
}

/** Search terms (already stemmed) for a question that only asks "when" about a framework. */
const ORIGIN_TERMS = ['origin', 'releas'];
const COMPARISON_CUES = /\b(which|vs|versus|compare[sd]?|comparison|better|worse|easier|harder|faster|slower|or|than|between)\b/;

const YEAR_CUES = /\b(when|year|date|released?|launch(ed)?|since|first|history|origin)\b/;
const FIGURE_CUES =
  /\b(how (many|much|fast|big|long|quick)|percent|percentage|share|number|numbers|stats?|statistics|figures?|benchmarks?|throughput|speed|faster|slower|req|requests|stars|efficiency|memory)\b/;

export function parseQuestion(question: string, expander: SynonymExpander): ParsedQuestion {
  const raw = words(question.slice(0, MAX_QUESTION_CHARS).replace(MENTIONS, ' ')).map((w) => correctFrameworkTypo(w) ?? w);
  const canonical = expander.canonicalize(raw);
  const sequence = canonical.map((word) => toTerm(word) ?? '');
  const terms: string[] = [];
  for (const term of sequence) {
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  const plain = canonical.join(' ');
  const frameworks = frameworksIn(canonical);
  const wants = { year: YEAR_CUES.test(plain), figure: FIGURE_CUES.test(plain) };
  // "when did pytorch come out?" has no topic word left: the year cue itself says what is asked.
  if (wants.year && terms.every((t) => frameworks.includes(t as Framework))) terms.push(...ORIGIN_TERMS);
  const sides: Framework[] = frameworks.length === 0 && COMPARISON_CUES.test(plain) ? ['tensorflow', 'pytorch'] : frameworks;
  return { words: canonical, terms, sequence, frameworks, wants, sides };
}
