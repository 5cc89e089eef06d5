/**
 * "Do my sources answer this?" — one rule, from the base's own vocabulary:
 *
 * A question is answered when it names nothing the base lacks (a version, a model number or a name it
 * has never seen, see `question.ts`) and one cited section matches nearly half (45%) of the weight of its
 * words (not counting words that only name the kind of answer wanted: a year, a name), each weighted by
 * how rare it is in the base; an ordinary word the base has never seen may be
 * mere phrasing ("dashboard", "legal"), so it weighs a quarter of the rarest word. A question that is
 * not visibly about our subject — it names no framework, no name of the base, not even "framework" —
 * must be matched almost entirely, every word counting, since its words are ours only by accident
 * ("a good pizza place"); a "which" naming nothing it compares is about the frameworks. A question
 * asking for one kind of fact (when, how many, which version, who) also needs a cited sentence giving
 * that kind beside its most specific matched word (`asked-fact.ts`).
 */
import { citedSection, type FactKind, givesAskedFact } from './asked-fact.ts';
import { isOrdinaryWord } from './ordinary-words.ts';
import { STOP_WORDS } from './stop-words.ts';
import { type MissingThing, namesAnswerKind, type ParsedQuestion } from './question.ts';
import type { KnowledgeIndex, SearchHit } from './search-index.ts';

/** The two thresholds of the rule: share of the question's weight the cited sections must match. */
export const ANSWERABILITY = {
  /** A question visibly about our subject (see `namesSubject`, `comparesUnnamed`): of the weight of its known words. */
  anchored: 0.45,
  /** Any other question: of the weight of all its words, unknown ones weighing the most. */
  unanchored: 0.8,
  /**
   * In a question on our subject, an ordinary word the base has never seen weighs this share of the
   * rarest word's weight: it may be phrasing ("legal is asking …") or the point ("mixed precision"),
   * and nothing in the base tells which. The recall/precision trade-off, measured in docs/quality.md.
   */
  unknownWordWeight: 0.25,
};

export type Decision =
  | { answer: true }
  | { answer: false; reason: 'empty' | 'off_topic' | 'low_confidence' }
  | { answer: false; reason: 'not_covered'; missing: MissingThing[] }
  | { answer: false; reason: 'fact_not_given'; kind: FactKind };

/** A term that can be a question's topic: a word, not a lone number or letter ("5", "r", "2019"). */
const isTopicShaped = (term: string) => term.length >= 2 && !/^[\d.x]+$/.test(term);

/**
 * Is the question visibly about our subject? It names a framework, says "framework", or uses a name of
 * the base (a word the base contains that no English word list has: "tensorboard", "onnx", "tpu").
 */
function namesSubject(parsed: ParsedQuestion, index: KnowledgeIndex): boolean {
  if (parsed.frameworks.length > 0) return true;
  const isNameOfBase = (word: string, term: string) => /^[a-z]/.test(word) && index.vocabulary.knows(term) && !isOrdinaryWord(word);
  // A shorthand the base's synonyms spell out — their initials ("fsdp") or their start ("perf") — is a
  // name of the base too; a mere example of a base word ("iphone" for "mobile") is not.
  const isShorthandOfBase = (word: string) => {
    if (word.length < 3 || !/^[a-z]/.test(word) || isOrdinaryWord(word)) return false;
    const spelled = index.expander.canonicalize([word]);
    return spelled.join(' ') !== word && (spelled.map((w) => w[0]).join('') === word || (spelled.length === 1 && (spelled[0] ?? '').startsWith(word)));
  };
  return parsed.words.some((word, i) => /^frameworks?$/.test(word) || isNameOfBase(word, parsed.sequence[i] ?? '')) || parsed.typed.some(isShorthandOfBase);
}

/**
 * Does it ask "which" without naming what it compares ("which is better for production?", "which one is
 * faster?")? Here the only things compared are the frameworks; "which phone …" names its own subject.
 * Such a question is on our subject, but every word counts in full: "which is better for making pizza"
 * is not answered from the one "making" the base contains.
 */
function comparesUnnamed(parsed: ParsedQuestion): boolean {
  const which = parsed.words.indexOf('which');
  return which >= 0 && STOP_WORDS.has(parsed.words[which + 1] ?? '');
}

/**
 * IDF-weighted share of the question's topical terms that one cited section matched (prefix matches
 * count less) — the best section's share. Terms the base lacks weigh `unknownWeight` × the maximum IDF.
 * One section must carry the answer: words matched here and there across unrelated sections ("pizza place" → a "place" in one, a "choose" in another) are not one.
 */
function coverage(topical: readonly string[], hits: readonly SearchHit[], index: KnowledgeIndex, unknownWeight: number): number {
  if (topical.length === 0) return 1;
  const weights = topical.map((term) => (index.vocabulary.knows(term) ? index.idf(term) : unknownWeight * index.idf(term)));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let best = 0;
  for (const hit of hits) {
    let covered = 0;
    topical.forEach((term, i) => {
      covered += (weights[i] ?? 0) * (hit.matchQuality.get(term) ?? 0);
    });
    best = Math.max(best, covered / total);
  }
  return best;
}

/** Decides whether `cited` (the sections the answer would quote) answer `parsed`. */
export function decide(parsed: ParsedQuestion, cited: readonly SearchHit[], index: KnowledgeIndex): Decision {
  if (!parsed.terms.some((t) => isTopicShaped(t) || index.frameworks.has(t))) return { answer: false, reason: 'empty' };
  const named = namesSubject(parsed, index);
  const anchored = named || comparesUnnamed(parsed);
  // "The weather in Paris" is off-topic, not a topic the sources lack: only on-topic questions name gaps.
  if (parsed.missing.length > 0) {
    return anchored ? { answer: false, reason: 'not_covered', missing: parsed.missing } : { answer: false, reason: 'off_topic' };
  }
  // "Year" or "name" says what to quote, not what the question is about: the lead looks for it.
  const topical = parsed.terms.filter((t) => !index.frameworks.has(t) && !namesAnswerKind(t));
  const unknown = parsed.unknown.filter((m) => m.terms.every(isTopicShaped));
  const share = coverage(topical, cited, index, named ? ANSWERABILITY.unknownWordWeight : 1);
  // A lone ordinary word ("clear", "love") is not a question about our topic, however well it matches.
  const matched = Math.max(0, ...cited.map((h) => topical.filter((t) => h.matchQuality.has(t)).length));
  const enough = anchored ? share >= ANSWERABILITY.anchored : share >= ANSWERABILITY.unanchored && matched >= 2;
  if (cited.length > 0 && enough) {
    const kind = parsed.asks;
    // The question's point: its most specific word that any cited section matched.
    const point = topical.filter((t) => cited.some((h) => h.matchQuality.has(t))).sort((a, b) => index.idf(b) - index.idf(a))[0];
    return kind === undefined || cited.some((hit) => givesAskedFact(kind, citedSection(hit, index), point, index.frameworks.ids))
      ? { answer: true }
      : { answer: false, reason: 'fact_not_given', kind };
  }
  if (!anchored) return { answer: false, reason: 'off_topic' };
  if (unknown.length > 0) return { answer: false, reason: 'not_covered', missing: unknown };
  return { answer: false, reason: 'low_confidence' };
}
