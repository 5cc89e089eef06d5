/**
 * Turning raw chat text into what retrieval needs. Any input is accepted: it is truncated first (a
 * 50,000-character paste must not cost more than a normal question), then typos are corrected against
 * the base's own words ("pytroch", "fastr", "wich"), synonyms canonicalised ("tflite" → "tensorflow
 * lite") and stop words dropped. What the base has never heard of is kept aside: it decides whether the
 * bot may answer at all (see `answerability.ts`).
 */
import type { Framework } from '../knowledge/schema.ts';
import type { FrameworkList } from './frameworks.ts';
import { askedFact, type FactKind } from './asked-fact.ts';
import { isOrdinaryWord } from './ordinary-words.ts';
import { questionText } from '../question-text.ts';
import type { SynonymExpander } from './synonym-expansion.ts';
import { hasDigit, rawWords, toTerm } from './terms.ts';
import { type BaseVocabulary, isVersionNumber, versionPairs, versionPairTerms } from './vocabulary.ts';

/** The one question-length limit, owned by the core's door (`question-text.ts`). */
export { MAX_QUESTION_CHARS } from '../question-text.ts';
/** Distinct search terms kept, so even a long question stays within the latency budget. */
export const MAX_QUERY_TERMS = 24;

/** Links are not words to search; mentions and the length limit are the door's (`questionText`). */
const LINKS = /https?:\/\/\S+/gi;

/** Something the question names that the base has never heard of: "PyTorch 2.5", "llama 3", "M1". */
export interface MissingThing {
  /** As the user wrote it, framework names spelled properly. */
  text: string;
  /** Its search terms. */
  terms: string[];
}

export interface ParsedQuestion {
  /** Canonical words (typos fixed, synonyms replaced), stop words included. */
  words: string[];
  /** The words as typed (lowercase, typos fixed), before synonyms replaced any: "fsdp", not its expansion. */
  typed: string[];
  /** Distinct content terms (stemmed), in question order. */
  terms: string[];
  /** The term of each word in `words`, '' for stop words: what is next to what. */
  sequence: string[];
  /** Frameworks the question names, in canonical order. */
  frameworks: Framework[];
  /** The kind of fact the question asks for, if one (`asked-fact.ts`): snippets prefer sentences giving it. */
  asks: FactKind | undefined;
  /**
   * Frameworks the answer should cover: the named ones, or all declared ones for an implicit comparison
   * ("which is easier for beginners?").
   */
  sides: Framework[];
  /** Words the base does not contain, as typed. */
  unknown: MissingThing[];
  /** Named things the base does not contain: any one of them makes the question unanswerable. */
  missing: MissingThing[];
}

const COMPARISON_CUES = /\b(which|vs|versus|compare[sd]?|comparison|better|worse|easier|harder|faster|slower|or|than|between)\b/;
/**
 * Words that name the kind of answer wanted — a year, a month, a date, a name, a number, what an
 * abbreviation stands for — not what the question is about: "what yr did pytorch move to the
 * foundation" is about the foundation.
 */
const ANSWER_KIND_TERMS: ReadonlySet<string> = new Set(['year', 'month', 'date', 'name', 'number', 'stand'].map((w) => toTerm(w) ?? w));

/** Does this (stemmed) term only name the kind of answer wanted (see `ANSWER_KIND_TERMS`)? */
export const namesAnswerKind = (term: string): boolean => ANSWER_KIND_TERMS.has(term);

interface Word {
  /** Lowercase, corrected. */
  word: string;
  /** As typed. */
  raw: string;
}

/** A canonical word as the asker typed it, when one token became it; the word itself otherwise. */
const typedAs = (tokens: readonly Word[], word: string): string => tokens.find((t) => t.word === word)?.raw ?? word;

/** Corrects framework names ("pytroch") and other typos against the base's own words. */
function correctTypos(raw: readonly string[], vocabulary: BaseVocabulary, frameworks: FrameworkList): Word[] {
  return raw.map((typed) => {
    const lower = typed.toLowerCase();
    // An English word is not a typo of a base word, however close: "react" is not "reach".
    const word = frameworks.correctTypo(lower) ?? (isOrdinaryWord(lower) ? undefined : vocabulary.correct(lower)) ?? lower;
    return { word, raw: typed };
  });
}

/**
 * Named things the base lacks, by their shape — the base cannot say what an unknown word means, but
 * it can say when a name, a model number or a version is not one of its own:
 * - a version after a word that the base never gives that word ("pytorch 2.5", "llama 3", "version 2.10");
 * - an unknown word of letters and digits ("m1", "a100", "v4"; a bare number is a figure or a year);
 * - an unknown word Capitalised in mid-sentence ("Adam", "CoreML", "PyPI"; not acronyms like "CTO");
 * - an unknown lowercase word of four letters or more that no English word list has ("rocm", "colab");
 * - an unknown word, not an English one, set against a framework ("jax or pytorch", "faster than mxnet",
 *   "jax compared to tensorflow"): it stands where a framework would, so it is one the base does not cover.
 */
function missingThings(tokens: readonly Word[], canonical: readonly string[], vocabulary: BaseVocabulary, frameworks: FrameworkList): MissingThing[] {
  const missing: MissingThing[] = [];
  const seen = new Set<string>();
  const add = (text: string, terms: string[]) => {
    if (seen.has(terms.join(' '))) return;
    seen.add(terms.join(' '));
    missing.push({ text, terms });
  };
  for (const { at, name, version } of versionPairs(canonical)) {
    // "85 percent", "50k requests", "3x" are figures, not versions.
    if (/^(percent|x|times)$/.test(canonical[at + 2] ?? '')) continue;
    const word = canonical[at] ?? '';
    if (!vocabulary.knowsVersion(name, version)) add(`${frameworks.has(word) ? frameworks.nameOf(word) : word} ${version}`, [name, version]);
  }
  const shouting = tokens.every((t) => t.raw === t.raw.toUpperCase());
  tokens.forEach((token, i) => {
    const term = toTerm(token.word);
    if (!term || vocabulary.knows(term) || !canonical.includes(token.word) || isVersionNumber(token.word)) return;
    const modelNumber = hasDigit(token.word) && /[a-z]/.test(token.word);
    const capitalised = i > 0 && !shouting && /^[A-Z][a-z]/.test(token.raw);
    // Three letters or fewer are too short to tell a name from chat shorthand ("ppl", "wat", "w").
    const unlisted = token.word.length >= 4 && /^[a-z]+$/.test(token.word) && !isOrdinaryWord(token.word);
    if (modelNumber || capitalised || unlisted) add(token.raw, [term]);
  });
  canonical.forEach((word, i) => {
    const term = toTerm(word);
    if (!term || vocabulary.knows(term) || !/^[a-z]{2,}$/.test(word) || isOrdinaryWord(word)) return;
    if (comparedWithFramework(canonical, i, frameworks)) add(typedAs(tokens, word), [term]);
  });
  return missing;
}

/** Words that join the two sides of a comparison: "jax or pytorch", "jax compared to pytorch". */
const COMPARING = /^(or|vs|versus|than|compare[sd]?|to|with)$/;

/** Is `canonical[at]` joined to a framework name by comparing words only ("or", "than", "compared to")? */
function comparedWithFramework(canonical: readonly string[], at: number, frameworks: FrameworkList): boolean {
  for (const step of [-1, 1]) {
    let i = at + step;
    const between: string[] = [];
    while (i >= 0 && i < canonical.length && between.length < 2 && COMPARING.test(canonical[i] ?? '')) {
      between.push(canonical[i] ?? '');
      i += step;
    }
    const joins = between.some((w) => !/^(to|with)$/.test(w));
    if (joins && frameworks.has(canonical[i] ?? '')) return true;
  }
  return false;
}

/** The words of the question the base has never seen (after synonyms), once each, as typed. */
function unknownWords(tokens: readonly Word[], canonical: readonly string[], vocabulary: BaseVocabulary): MissingThing[] {
  const out: MissingThing[] = [];
  for (const word of canonical) {
    const term = toTerm(word);
    if (!term || vocabulary.knows(term) || out.some((m) => m.terms[0] === term)) continue;
    out.push({ text: typedAs(tokens, word), terms: [term] });
  }
  return out;
}

/** The question's words with typos corrected, then its canonical words (synonyms replaced). */
function readWords(question: string, expander: SynonymExpander, vocabulary: BaseVocabulary, frameworks: FrameworkList): { tokens: Word[]; canonical: string[] } {
  const tokens = correctTypos(rawWords(questionText(question).replace(LINKS, ' ')), vocabulary, frameworks);
  return { tokens, canonical: expander.canonicalize(tokens.map((t) => t.word)) };
}

/**
 * The frameworks `text` names, exactly as `parseQuestion(text).frameworks` would give them, without the
 * rest of the parse: the follow-up rule asks this of every word of a message.
 */
export function frameworksNamed(text: string, expander: SynonymExpander, vocabulary: BaseVocabulary, frameworks: FrameworkList): Framework[] {
  return frameworks.namedIn(readWords(text, expander, vocabulary, frameworks).canonical);
}

/** Parses `question` against the base, whose words `vocabulary` knows and which is about `frameworks`. */
export function parseQuestion(question: string, expander: SynonymExpander, vocabulary: BaseVocabulary, frameworks: FrameworkList): ParsedQuestion {
  const { tokens, canonical } = readWords(question, expander, vocabulary, frameworks);
  const sequence = canonical.map((word) => toTerm(word) ?? '');
  const terms: string[] = [];
  for (const term of sequence) {
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  // "tensorflow 2.0" is also searched as one term, when the base has it, beside the bare "2.0".
  for (const pair of versionPairTerms(canonical)) if (vocabulary.knows(pair) && !terms.includes(pair) && terms.length < MAX_QUERY_TERMS) terms.push(pair);
  const plain = canonical.join(' ');
  const named = frameworks.namedIn(canonical);
  const sides: Framework[] = named.length === 0 && COMPARISON_CUES.test(plain) ? [...frameworks.ids] : named;
  return {
    words: canonical,
    typed: tokens.map((t) => t.word),
    terms,
    sequence,
    frameworks: named,
    asks: askedFact(canonical),
    sides,
    unknown: unknownWords(tokens, canonical, vocabulary),
    missing: missingThings(tokens, canonical, vocabulary, frameworks),
  };
}
