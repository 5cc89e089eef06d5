/**
 * The "do I actually know this?" decision. Three signals, tuned on tests/eval/questions.yaml:
 * - coverage: how much of the question (IDF-weighted, unknown words weigh the most) the best chunk
 *   matched. "how do I center a div in css" matches nothing specific → off-topic, whatever the scores;
 * - absolute BM25 score of the best chunk;
 * - the gap to the runner-up: a weak best hit that barely beats the next is a guess, not an answer.
 */
import { isEnglishStem } from './english-words.ts';
import { everydayWeight } from './everyday-words.ts';
import type { ParsedQuestion } from './question.ts';
import type { KnowledgeIndex, SearchHit } from './search-index.ts';
import { isFrameworkTerm } from './frameworks.ts';

export const CONFIDENCE_TUNING = {
  /** Below this share of the question's weight matched by the best chunks, the question is not ours... */
  minCoverage: 0.5,
  /** ...and this share when the question has no domain anchor (framework name, synonyms-table word). */
  minCoverageWithoutAnchor: 0.85,
  /** Minimum BM25 score of the best chunk... */
  minScore: 1.5,
  /** ...unless it clearly beats the runner-up (relative gap) with this lower floor. */
  minScoreWithGap: 0.8,
  minGap: 0.3,
  /**
   * Only short unknown words are forgiven as filler ("lol", "myth", "bunch"); a long unknown word
   * ("reinforcement") is the topic the base does not cover.
   */
  maxFillerLength: 6,
  /** Weight of an unknown ordinary English word, relative to its IDF, in an on-topic question. */
  unknownWordWeight: 0.5,
  /** Framework-named questions with more topical terms than this need proportionally less coverage. */
  longQuestionTerms: 8,
  /** Coverage counts terms matched by this many top chunks (an answer cites up to 3). */
  coverageHits: 3,
};

export type Decision = { answer: true; coverage: number } | { answer: false; reason: 'empty' | 'off_topic' | 'low_confidence'; coverage: number };

/**
 * Chat filler is a short ordinary English word. A token with a digit ("m1", "a100", the "13" of "3.13"),
 * a lone letter ("r") or a name the dictionary does not list ("julia", "matlab") names a specific thing —
 * a product, version or language — and the base not knowing it is the point.
 */
const isFillerShaped = (term: string) => term.length >= 2 && term.length <= CONFIDENCE_TUNING.maxFillerLength && /^[a-z]+$/.test(term) && isEnglishStem(term);

/**
 * IDF-weighted share of the question's non-framework terms that the cited `hits` matched. Words the
 * base has never seen weigh the most — unless the question names a framework, where up to a third of
 * them (at least one) are forgiven if filler-shaped ("myth", "heard"): the topic is already ours.
 */
function coverageOf(parsed: ParsedQuestion, hits: readonly SearchHit[], index: KnowledgeIndex, anchors: Anchors): number {
  // Several chunks may cover different parts of a question, but one of them must carry a good part
  // alone: "why is my browser so slow" matches "browser" in one chunk and "slow" in another.
  const union = coverageBy(parsed, hits, index, anchors);
  const best = Math.max(0, ...hits.map((h) => coverageBy(parsed, [h], index, anchors)));
  return Math.min(union, best * 1.25);
}

/** What the question's domain anchors tell, worked out once per question. */
interface Anchors {
  /** It contains a framework name or a whole synonyms-table entry. */
  anchored: boolean;
  /** Anchored, or names a framework: the question is ours, so the rest of it may be chat. */
  onTopic: boolean;
  /** Unknown identifiers that version an anchor ("v4" of "tpu v4"). */
  versions: ReadonlySet<string>;
}

function anchorsOf(parsed: ParsedQuestion, index: KnowledgeIndex): Anchors {
  const ends = index.anchorEnds(parsed.sequence);
  return { anchored: ends.length > 0, onTopic: parsed.frameworks.length > 0 || ends.length > 0, versions: versionsOfAnchors(parsed.sequence, ends, index) };
}

/**
 * Unknown identifiers right after a domain anchor are versions of it ("tpu v4", "tensorflow 2.17"): the
 * question is about the anchor, so they are left out of coverage. After anything else they are the topic
 * the base does not know ("apple m1", "tesla model 3", "python 3.13").
 */
function versionsOfAnchors(sequence: readonly string[], anchorEnds: readonly number[], index: KnowledgeIndex): Set<string> {
  const versions = new Set<string>();
  for (const end of anchorEnds) {
    for (let i = end + 1; i < sequence.length && /\d/.test(sequence[i] ?? ''); i++) {
      const term = sequence[i] ?? '';
      if (!index.documentFrequency.has(term)) versions.add(term);
    }
  }
  return versions;
}

function coverageBy(parsed: ParsedQuestion, hits: readonly SearchHit[], index: KnowledgeIndex, { onTopic, versions }: Anchors): number {
  const all = parsed.terms.filter((t) => !isFrameworkTerm(t) && !versions.has(t));
  // Very common words are not searched when rarer ones exist (see KnowledgeIndex.query): neutral here.
  const specific = all.filter((t) => !index.isCommon(t));
  const topical = specific.length ? specific : all;
  if (topical.length === 0) return hits.length ? 1 : 0;
  const quality = new Map<string, number>();
  for (const hit of hits) for (const [term, q] of hit.matchQuality) quality.set(term, Math.max(q, quality.get(term) ?? 0));
  let forgivable = parsed.frameworks.length > 0 ? Math.max(1, Math.floor(topical.length / 3)) : 0;
  let total = 0;
  let covered = 0;
  for (const term of topical) {
    const q = quality.get(term) ?? 0;
    if (q === 0 && forgivable > 0 && isFillerShaped(term) && !index.documentFrequency.has(term)) {
      forgivable -= 1;
      continue;
    }
    // An ordinary English word the base has never seen ("legal", "behind") is usually chat around the
    // question; a name the dictionary does not list ("kotlin", "m1") is usually its topic.
    const unknownWord = !index.documentFrequency.has(term) && isEnglishStem(term);
    // In an on-topic question, everyday words ("place", "hand", "true") are the chat around it: the base
    // is small, so a word it happens to use once looks rare (high IDF) without saying what is asked.
    const weight = index.idf(term) * (unknownWord && onTopic ? CONFIDENCE_TUNING.unknownWordWeight : 1) * (onTopic ? everydayWeight(term) : 1);
    total += weight;
    covered += weight * q;
  }
  return total > 0 ? covered / total : 1;
}

/**
 * Coverage a question needs. A long on-topic chat message ("my boss says tensorflow is the only option
 * for android, can pytorch do it?", "we're a startup … edge on talent pool?") carries many incidental
 * words; it needs the same *amount* of matched substance as a short question, not the same share.
 */
function requiredCoverage(parsed: ParsedQuestion, anchored: boolean): number {
  const t = CONFIDENCE_TUNING;
  if (!anchored) return t.minCoverageWithoutAnchor;
  const topical = parsed.terms.filter((term) => !isFrameworkTerm(term)).length;
  return t.minCoverage * Math.min(1, t.longQuestionTerms / Math.max(1, topical));
}

export function decide(parsed: ParsedQuestion, hits: readonly SearchHit[], index: KnowledgeIndex): Decision {
  if (parsed.terms.length === 0) return { answer: false, reason: 'empty', coverage: 0 };
  const [top, second] = hits;
  const anchors = anchorsOf(parsed, index);
  const coverage = coverageOf(parsed, hits.slice(0, CONFIDENCE_TUNING.coverageHits), index, anchors);
  if (!top) return { answer: false, reason: parsed.frameworks.length ? 'low_confidence' : 'off_topic', coverage };
  if (coverage < requiredCoverage(parsed, anchors.anchored)) {
    // Naming a framework makes it our topic even when the rest is unknown: "I don't know", not "off-topic".
    return { answer: false, reason: parsed.frameworks.length ? 'low_confidence' : 'off_topic', coverage };
  }
  // Only framework names ("tf vs pytorch?", "when did tf come out"): the overview is the honest answer.
  if (parsed.terms.every(isFrameworkTerm)) return { answer: true, coverage };
  const gap = second ? (top.score - second.score) / top.score : 1;
  const t = CONFIDENCE_TUNING;
  const confident = top.score >= t.minScore || (top.score >= t.minScoreWithGap && gap >= t.minGap);
  if (!confident) return { answer: false, reason: 'low_confidence', coverage };
  return { answer: true, coverage };
}
