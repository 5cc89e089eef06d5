/**
 * Picking the most relevant sentences of a chunk for a snippet. A snippet quotes 1–3 sentences, never
 * the whole section: enough to carry the fact, short enough to read in chat.
 */
import type { Framework } from '../knowledge/schema.ts';
import { carriesFact, type FactKind } from './asked-fact.ts';
import { contentTerms, words } from './terms.ts';

/** Longest snippet we build; extra sentences are only added while under this. */
export const MAX_SNIPPET_CHARS = 420;

/** Markdown to plain prose: list markers, emphasis, inline code fences and link syntax removed. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '');
}

/** Sentences of a Markdown body; list items and table rows count as sentences of their own. */
export function splitSentences(markdown: string): string[] {
  const out: string[] = [];
  for (const block of plainText(markdown).split(/\n+/)) {
    const line = block
      .replace(/\s*\|\s*/g, ' | ')
      .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
      .trim();
    if (!line) continue;
    // Split after . ! ? when the next sentence starts with a capital, digit or quote; keeps "tf.function" and "2.0" whole.
    for (const sentence of line.split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/)) {
      if (sentence.trim()) out.push(sentence.trim());
    }
  }
  return out;
}

/** A sentence with what scoring needs, worked out once per chunk rather than once per question. */
export interface AnalysedSentence {
  text: string;
  /** Distinct stemmed content terms, after synonym expansion. */
  terms: ReadonlySet<string>;
  /** Distinct lowercase words, after synonym expansion (framework names are looked up here). */
  words: ReadonlySet<string>;
  hasYear: boolean;
  /** A number that is not a year. */
  hasFigure: boolean;
}

/** Splits and analyses a Markdown body; `expand` applies the synonym table ("TFLite" → "tensorflow lite"). */
export function analyseSentences(markdown: string, expand: (text: string) => string): AnalysedSentence[] {
  return splitSentences(markdown).map((text) => {
    const expanded = expand(text);
    return {
      text,
      terms: new Set(contentTerms(expanded)),
      words: new Set(words(expanded)),
      hasYear: /\b(19|20)\d\d\b/.test(text),
      hasFigure: /\d/.test(text.replace(/\b(19|20)\d\d\b/g, '')),
    };
  });
}

export interface SentenceQuery {
  /** Stemmed terms to look for (the chunk terms the question matched). */
  terms: ReadonlySet<string>;
  /**
   * Those of `terms` the section's heading contains: a heading says what each of its sentences is
   * about, so "Visualization: TensorBoard …" makes "TensorFlow includes TensorBoard" a visualization
   * sentence though the word is not in it.
   */
  headingTerms?: ReadonlySet<string>;
  idf: (term: string) => number;
  /** Frameworks the snippet should speak about; sentences naming them score higher. */
  frameworks: readonly Framework[];
  /** Prefer sentences giving the kind of fact asked for ("when …?" a year, "how many …?" a figure). */
  asks?: FactKind;
  /** The base's framework names: a framework is not the name a "who …?" asks for. */
  declared?: readonly string[];
  /**
   * Quote from the best sentence onward, as far as the snippet's length allows. A correction note states
   * the disputed claim, then what is right: the sentence matching the question best is usually the claim.
   */
  readOn?: boolean;
}

/**
 * IDF of the query terms a sentence carries. One that carries none speaks through its heading at half
 * weight: the heading says what it is about, but a sentence that names the term itself says it better.
 */
export function matchedWeight(sentence: AnalysedSentence, terms: ReadonlySet<string>, headingTerms: ReadonlySet<string> | undefined, idf: (term: string) => number): number {
  let score = 0;
  for (const term of sentence.terms) if (terms.has(term)) score += idf(term);
  if (score > 0) return score;
  for (const term of headingTerms ?? []) score += idf(term) / 2;
  return score;
}

function scoreSentence(sentence: AnalysedSentence, query: SentenceQuery): number {
  let score = matchedWeight(sentence, query.terms, query.headingTerms, query.idf);
  if (score > 0 && query.asks && carriesFact(sentence, query.asks, query.declared ?? [])) score += 1;
  for (const f of query.frameworks) if (sentence.words.has(f)) score += 0.5;
  return score;
}

/**
 * The 1–3 best of a chunk's sentences, in their original order. Sentences scoring at least half the best
 * one are added while the snippet stays short; a chunk of several sentences is never quoted whole.
 */
export function pickSentences(sentences: readonly AnalysedSentence[], query: SentenceQuery): Picked {
  if (sentences.length === 0) return { text: '', score: 0 };
  const scored = sentences.map((sentence, i) => ({ text: sentence.text, i, score: scoreSentence(sentence, query) }));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const best = ranked[0] ?? { text: sentences[0]?.text ?? '', i: 0, score: 0 };
  if (query.readOn) return readOn(scored, best);
  const maxSentences = Math.min(3, Math.max(1, sentences.length - 1));
  const chosen = [best];
  let length = best.text.length;
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= maxSentences) break;
    if (candidate.score <= 0 || candidate.score < best.score * 0.5) break;
    if (length + candidate.text.length > MAX_SNIPPET_CHARS) continue;
    chosen.push(candidate);
    length += candidate.text.length;
  }
  // A very short best sentence ("It depends.") needs its neighbour to make sense.
  const next = scored[best.i + 1];
  if (chosen.length === 1 && best.text.length < 70 && next && maxSentences > 1) chosen.push(next);
  return snippetOf(chosen);
}

interface ScoredSentence {
  text: string;
  i: number;
  score: number;
}

interface Picked {
  text: string;
  score: number;
}

/** The chosen sentences in their original order, as one snippet, with their summed score. */
function snippetOf(chosen: ScoredSentence[]): Picked {
  const text = chosen
    .sort((a, b) => a.i - b.i)
    .map((s) => s.text)
    .join(' ');
  return { text: truncate(text, MAX_SNIPPET_CHARS + 200), score: chosen.reduce((sum, s) => sum + s.score, 0) };
}

/** The best sentence and those after it, while they fit (a sentence that would not fit ends it). */
function readOn(scored: readonly ScoredSentence[], best: ScoredSentence): Picked {
  const chosen = [best];
  let length = best.text.length;
  for (const next of scored.slice(best.i + 1)) {
    if (length + next.text.length > MAX_SNIPPET_CHARS) break;
    chosen.push(next);
    length += next.text.length + 1;
  }
  return snippetOf(chosen);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}
