/**
 * "When did …?", "how many …?", "which version …?", "who …?" and "what does … stand for?" each ask for
 * one fact of a known kind — a year, a figure, a version, a name, the words behind an abbreviation — and
 * a section on the topic that gives none does not answer them: "how many chips are in a TPU pod?" is not
 * answered by "TensorFlow supports TPU pods". So such a question is answered only when a cited sentence
 * carries a fact of that kind together with the question's most specific word the cited sections matched.
 */
import type { KnowledgeIndex, SearchHit } from './search-index.ts';
import type { AnalysedSentence } from './sentences.ts';

export type FactKind = 'year' | 'figure' | 'version' | 'name' | 'expansion';

/** Question forms that ask for a date: "when did …", "what year …" (not "when should I …"). */
const ASKS_YEAR = /\b(when (did|was|were)|since when|(what|which) (year|month|date))\b/;
/** Question forms that ask for an amount: "how many …", "what percentage …". */
const ASKS_FIGURE = /\b(how (many|much)|(what|which) (percent|percentage|share|number))\b/;

/** "Which version …", "what release of pytorch …". */
const ASKS_VERSION = /\b(what|which) (\w+ )?(version|release)\b/;
/** "Who built …", "which company …": a person or an organisation. */
const ASKS_NAME = /^(who|whose|which (company|companies|organi[sz]ation|team|person|lab))\b/;

/** "What does XLA stand for?": the words an abbreviation is made of. */
const ASKS_EXPANSION = /\bstands? for\b/;

/** The kind of fact the question asks for, from its canonical words; undefined for any other question. */
export function askedFact(words: readonly string[]): FactKind | undefined {
  const plain = words.join(' ');
  if (ASKS_EXPANSION.test(plain)) return 'expansion';
  if (ASKS_YEAR.test(plain)) return 'year';
  if (ASKS_VERSION.test(plain)) return 'version';
  if (ASKS_FIGURE.test(plain)) return 'figure';
  if (ASKS_NAME.test(plain)) return 'name';
  return undefined;
}

/** A cited section, as the rule needs it: its sentences, heading, and the words it matched. */
export interface CitedSection {
  sentences: readonly AnalysedSentence[];
  /** The section's own terms the question's matched ("optim" matched "optimization"). */
  chunkTerms: readonly string[];
  /** The terms of the section's heading, which every sentence of it is about. */
  headingTerms: ReadonlySet<string>;
}

/** A version number: "2.0", "1.x", "v4". */
const VERSION = /\b(\d+\.(\d+|x)|v\d+)\b/i;
/** A Capitalised word after a sentence's first, other than the frameworks this base is about. */
const hasName = (sentence: AnalysedSentence, frameworks: readonly string[]) =>
  sentence.text
    .split(/\s+/)
    .slice(1)
    .some((w) => /^[A-Z][a-z]/.test(w) && !frameworks.includes(w.toLowerCase().replace(/[^a-z]/g, '')));

/** An abbreviation spelled out beside it: "TFX (TensorFlow Extended)", "Fully Sharded Data Parallel (FSDP)". */
const SPELLED_OUT = /\b[A-Z][A-Za-z]*[A-Z]\w*\s*\((?:[A-Z][\w-]*\s+)+[A-Za-z][\w-]*\)|(?:\b[A-Z][\w-]*\s+)+[A-Za-z][\w-]*\s*\([A-Z][A-Za-z]*[A-Z]\w*\)/;

/** Does `sentence` give a fact of `kind` (`frameworks`: names that are not a "who")? */
export function carriesFact(sentence: AnalysedSentence, kind: FactKind, frameworks: readonly string[]): boolean {
  if (kind === 'year') return sentence.hasYear;
  if (kind === 'figure') return sentence.hasFigure;
  if (kind === 'version') return VERSION.test(sentence.text);
  if (kind === 'expansion') return SPELLED_OUT.test(sentence.text);
  return hasName(sentence, frameworks);
}

/**
 * Does `has` name `term` — exactly, as the section's own word it matched by prefix ("optim" →
 * "optimization"), or, for a pair term ("tensorflow@2.0"), by naming both its words?
 */
function names(has: (t: string) => boolean, term: string, chunkTerms: readonly string[]): boolean {
  if (term.includes('@')) return term.split('@').every((part) => names(has, part, chunkTerms));
  return has(term) || chunkTerms.some((own) => own.startsWith(term) && has(own));
}

/**
 * Is a fact of `kind` given in one sentence that names `point` — the question's most specific word the
 * cited sections matched (undefined: the question names only frameworks)?
 */
export function givesAskedFact(kind: FactKind, { sentences, chunkTerms, headingTerms }: CitedSection, point: string | undefined, frameworks: readonly string[]): boolean {
  // The heading says what every sentence of the section is about.
  const inHeading = point === undefined || names((t) => headingTerms.has(t), point, chunkTerms);
  return sentences.some((s) => carriesFact(s, kind, frameworks) && (inHeading || names((t) => s.terms.has(t), point, chunkTerms)));
}

/** A search hit as the rule reads it. */
export function citedSection(hit: SearchHit, index: KnowledgeIndex): CitedSection {
  return {
    sentences: index.sentencesOf(hit.chunk),
    chunkTerms: hit.chunkTerms,
    headingTerms: index.headingTermsOf(hit.chunk),
  };
}
