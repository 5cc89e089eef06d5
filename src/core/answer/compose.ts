/**
 * `answerQuestion`: question in, platform-neutral `Answer` out. Retrieval ranks chunks, the confidence
 * check decides whether to answer at all, then up to three chunks are quoted by their best sentences —
 * covering both frameworks when the question names both — with a note when their figures disagree.
 */
import { citationOf } from '../knowledge/citation.ts';
import { APOLOGY } from '../messages.ts';
import type { Framework } from '../knowledge/schema.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { decide, type Decision } from './confidence.ts';
import { findDisagreement } from './disagreement.ts';
import { FRAMEWORK_NAMES, FRAMEWORKS, frameworksIn, isFrameworkTerm } from './frameworks.ts';
import type { ParsedQuestion } from './question.ts';
import { sanitizeUserText } from './sanitize.ts';
import type { KnowledgeIndex, SearchHit } from './search-index.ts';
import { pickSentences } from './sentences.ts';
import { fallbackTopics } from './suggest.ts';
import { contentTerms, words } from './terms.ts';
import type { Answer, Snippet } from './types.ts';

/** Further chunks are cited only when they score at least this share of the best one. */
const RELATED_SHARE = 0.55;
/** For a both-frameworks question, the other side's best chunk may score this much lower. */
const OTHER_SIDE_SHARE = 0.3;
const MAX_SNIPPETS = 3;
/**
 * A correction of what the answer quotes (a `kind: corrections` file) is quoted too when it scores this
 * share of the best chunk and shares a topic word with it: otherwise an outdated claim ("PyTorch has no
 * TensorBoard") would be repeated without the note that corrects it, which ranks lower only because it
 * is shorter and more specific.
 */
const CORRECTION_SHARE = 0.1;

/** Answers `question` from `snapshot`. Never throws: any input yields an answer or a polite decline. */
export function answerQuestion(snapshot: KnowledgeSnapshot, question: string): Answer {
  const text = typeof question === 'string' ? question : '';
  try {
    const index = snapshot.index;
    const parsed = index.parse(text);
    const hits = index.query(parsed, 10);
    const decision = decide(parsed, hits, index);
    if (!decision.answer) return declined(snapshot, text, decision, hits);
    return answered(index, text, parsed, hits);
  } catch (error) {
    // A bug must not reach the user as a stack trace. It is marked `internal` so the observer logs it
    // as an error with its message, and the usage report does not list it as missing knowledge.
    return { question: sanitizeUserText(text), answered: false, lead: APOLOGY, snippets: [], suggestions: [], declineReason: 'internal', error: String(error) };
  }
}

/**
 * The best correction note about what `top` says, if one ranks at all: it must match, in its heading
 * (which names the disputed claim: "Does PyTorch have TensorBoard?"), a topic word `top` matched too.
 * `undefined` when `chosen` already quotes one.
 */
function correctionFor(index: KnowledgeIndex, top: SearchHit, chosen: readonly SearchHit[], hits: readonly SearchHit[]): SearchHit | undefined {
  if (chosen.some((h) => h.chunk.kind === 'corrections')) return undefined;
  const topics = new Set(top.matchedTerms.filter((t) => !isFrameworkTerm(t)));
  return hits.find((h) => {
    if (h.chunk.kind !== 'corrections' || h.score < top.score * CORRECTION_SHARE) return false;
    const heading = new Set(contentTerms(index.expander.expand(h.chunk.heading)));
    return h.matchedTerms.some((t) => topics.has(t) && heading.has(t));
  });
}

function chooseHits(parsed: ParsedQuestion, hits: SearchHit[], index: KnowledgeIndex): SearchHit[] {
  const [top] = hits;
  if (!top) return [];
  const chosen = [top, ...hits.slice(1).filter((h) => h.score >= top.score * RELATED_SHARE)].slice(0, MAX_SNIPPETS);
  const correction = correctionFor(index, top, chosen, hits);
  if (correction) {
    if (chosen.length >= MAX_SNIPPETS) chosen.pop();
    chosen.push(correction);
  }
  if (parsed.sides.length < 2) return chosen;
  // Both frameworks named: make sure each side is quoted, swapping in the other side's best chunk.
  for (const side of FRAMEWORKS) {
    if (chosen.some((h) => index.sides.get(h.chunk.id)?.includes(side))) continue;
    const other = hits.find((h) => !chosen.includes(h) && h.score >= top.score * OTHER_SIDE_SHARE && index.sides.get(h.chunk.id)?.includes(side));
    if (!other) continue;
    if (chosen.length >= MAX_SNIPPETS) chosen.pop();
    chosen.push(other);
  }
  return chosen;
}

function answered(index: KnowledgeIndex, question: string, parsed: ParsedQuestion, hits: SearchHit[]): Answer {
  const chosen = chooseHits(parsed, hits, index);
  const snippets: Snippet[] = [];
  for (const hit of chosen) {
    const picked = pickSentences(index.sentencesOf(hit.chunk), {
      terms: new Set(hit.chunkTerms),
      idf: (t) => index.idf(t),
      frameworks: parsed.sides,
      wants: parsed.wants,
      readOn: hit.chunk.kind === 'corrections',
    });
    if (!picked.text) continue;
    const named = frameworksIn(words(index.expander.expand(picked.text)));
    snippets.push({ text: picked.text, citation: citationOf(hit.chunk), frameworks: named.length ? named : (index.sides.get(hit.chunk.id) ?? hit.chunk.frameworks) });
  }
  const top = chosen[0];
  const topic = top ? top.chunk.heading : 'that';
  const disagreement = findDisagreement(snippets, (word) => index.frameworkOfWord(word));
  const lead =
    parsed.sides.length === 2
      ? `TensorFlow vs PyTorch — ${topic}: here is what my sources say.`
      : parsed.frameworks.length === 1
        ? `${FRAMEWORK_NAMES[parsed.frameworks[0] as Framework]} — ${topic}: here is what my sources say.`
        : `${topic}: here is what my sources say.`;
  const cited = new Set(chosen.map((h) => h.chunk.heading));
  const suggestions = [...new Set(hits.map((h) => h.chunk.heading).filter((h) => !cited.has(h)))].slice(0, 3);
  return {
    question: sanitizeUserText(question),
    answered: true,
    lead,
    snippets,
    ...(disagreement ? { disagreement } : {}),
    suggestions,
  };
}

const DECLINE_LEADS: Record<'empty' | 'off_topic' | 'low_confidence', string> = {
  empty: 'Ask me something about TensorFlow or PyTorch — for example "is PyTorch or TensorFlow better for mobile?"',
  off_topic: "That's outside what I know: I only answer TensorFlow and PyTorch questions from my cited sources. Try one of these, or run /choose-framework for a recommendation.",
  low_confidence: "I don't have a confident answer to that in my sources, and I'd rather not guess. Try one of these, or run /choose-framework for a recommendation.",
};

function declined(snapshot: KnowledgeSnapshot, question: string, decision: Decision & { answer: false }, hits: SearchHit[]): Answer {
  // Near misses are the most useful suggestions for "I don't know"; general topics otherwise.
  const near = decision.reason === 'low_confidence' ? hits.map((h) => h.chunk.heading) : [];
  const suggestions = [...new Set([...near, ...fallbackTopics(snapshot)])].slice(0, 3);
  return {
    question: sanitizeUserText(question),
    answered: false,
    lead: DECLINE_LEADS[decision.reason],
    snippets: [],
    suggestions,
    declineReason: decision.reason,
  };
}
