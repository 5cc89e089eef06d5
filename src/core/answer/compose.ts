/**
 * `answerQuestion`: question in, platform-neutral `Answer` out. Retrieval ranks chunks, up to three are
 * chosen to cite — covering both frameworks when the question compares them — and the answerability
 * rule decides whether they answer it at all. An answer leads with its best sentence, then quotes each
 * chosen chunk by its best sentences, with a curated note where the sources are known to disagree.
 */
import { citationOf } from '../knowledge/citation.ts';
import { disagreementNote } from '../knowledge/disagreement-note.ts';
import { APOLOGY } from '../messages.ts';
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { decide, type Decision } from './answerability.ts';
import type { FactKind } from './asked-fact.ts';
import { listNames } from './frameworks.ts';
import { leadSentence, type LeadCandidate } from './lead.ts';
import type { ParsedQuestion } from './question.ts';
import { sanitizeUserText } from './sanitize.ts';
import type { KnowledgeIndex, SearchHit } from './search-index.ts';
import { pickSentences } from './sentences.ts';
import { fallbackTopics } from './suggest.ts';
import { words } from './terms.ts';
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
    const chosen = chooseHits(parsed, hits, index);
    const decision = decide(parsed, chosen, index);
    if (!decision.answer) return declined(snapshot, text, decision, hits);
    return answered(snapshot, text, parsed, hits, chosen);
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
  const topics = new Set(top.matchedTerms.filter((t) => !index.frameworks.has(t)));
  return hits.find((h) => {
    if (h.chunk.kind !== 'corrections' || h.score < top.score * CORRECTION_SHARE) return false;
    const heading = index.headingTermsOf(h.chunk);
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
  // Several frameworks compared: make sure each side is quoted, swapping in that side's best chunk.
  for (const side of parsed.sides) {
    if (chosen.some((h) => index.sides.get(h.chunk.id)?.includes(side))) continue;
    const other = hits.find((h) => !chosen.includes(h) && h.score >= top.score * OTHER_SIDE_SHARE && index.sides.get(h.chunk.id)?.includes(side));
    if (!other) continue;
    if (chosen.length >= MAX_SNIPPETS) chosen.pop();
    chosen.push(other);
  }
  return chosen;
}

function answered(snapshot: KnowledgeSnapshot, question: string, parsed: ParsedQuestion, hits: SearchHit[], chosen: SearchHit[]): Answer {
  const index = snapshot.index;
  const snippets: Snippet[] = [];
  const candidates: LeadCandidate[] = [];
  for (const hit of chosen) {
    const sentences = index.sentencesOf(hit.chunk);
    const terms = new Set([...hit.chunkTerms, ...parsed.terms]);
    const heading = index.headingTermsOf(hit.chunk);
    const headingTerms = new Set([...terms].filter((t) => heading.has(t)));
    const picked = pickSentences(sentences, {
      terms: new Set(hit.chunkTerms),
      headingTerms,
      idf: (t) => index.idf(t),
      frameworks: parsed.sides,
      asks: parsed.asks,
      declared: index.frameworks.ids,
      readOn: hit.chunk.kind === 'corrections',
    });
    if (!picked.text) continue;
    const named = index.frameworks.namedIn(words(index.expander.expand(picked.text)));
    const about = named.length ? named : (index.sides.get(hit.chunk.id) ?? hit.chunk.frameworks);
    snippets.push({ text: picked.text, citation: citationOf(hit.chunk), frameworks: about, frameworkNames: about.map((f) => index.frameworks.nameOf(f)) });
    // The lead may only quote what the snippet shows, so its [n] points at text the reader can see.
    const shown = sentences.filter((s) => picked.text.includes(s.text));
    const relevance = hit.score / Math.max(chosen[0]?.score ?? 1, Number.EPSILON);
    candidates.push({ sentences: shown, number: snippets.length, relevance, terms, headingTerms, correction: hit.chunk.kind === 'corrections' });
  }
  const topic = chosen[0]?.chunk.heading ?? 'that';
  const lead =
    leadSentence(candidates, { idf: (t) => index.idf(t), frameworks: parsed.frameworks, declared: index.frameworks.ids, asks: parsed.asks }) ??
    `${topic}: here is what my sources say.`;
  const disagreement = disagreementNote(
    snapshot.disagreements,
    chosen.map((h) => h.chunk.id),
    snapshot.chunkById,
  );
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

/** The decline texts; `{or}`/`{and}` are the declared frameworks' names, `{example}` a question about them. */
const DECLINE_LEADS: Record<'empty' | 'off_topic' | 'low_confidence' | 'not_covered' | 'fact_not_given', string> = {
  empty: 'Ask me something about {or} — for example "{example}"',
  off_topic: "That's outside what I know: I only answer {and} questions from my cited sources. Try one of these, or run /choose-framework for a recommendation.",
  low_confidence: "I don't have a confident answer to that in my sources, and I'd rather not guess. Try one of these, or run /choose-framework for a recommendation.",
  not_covered: "My sources don't cover {missing}, so I won't guess. They do cover the topics below, or run /choose-framework for a recommendation.",
  fact_not_given: "The sections I found on this don't give {fact}, so I won't guess. The closest topics are below, or run /choose-framework for a recommendation.",
};

/** What a `fact_not_given` decline says the sections found don't give. */
const FACT_NAMES: Record<FactKind, string> = { year: 'the date', figure: 'that figure', version: 'the version', name: 'who it was', expansion: 'what it stands for' };

/** A decline text with the base's framework names filled in ("TensorFlow or PyTorch"). */
function withFrameworks(text: string, names: readonly string[]): string {
  const [first = 'a framework', second] = names;
  const example = second ? `is ${second} or ${first} better for mobile?` : `is ${first} good for mobile?`;
  return text.replace('{or}', listNames(names, 'or')).replace('{and}', listNames(names, 'and')).replace('{example}', example);
}

/** The decline's first line: what is missing, which fact is not given, or the reason's text. */
function declineLead(decision: Decision & { answer: false }, frameworkNames: readonly string[]): string {
  switch (decision.reason) {
    case 'not_covered':
      return DECLINE_LEADS.not_covered.replace(
        '{missing}',
        listNames(
          decision.missing.map((m) => `“${sanitizeUserText(m.text, 60)}”`),
          'and',
        ),
      );
    case 'fact_not_given':
      return DECLINE_LEADS.fact_not_given.replace('{fact}', FACT_NAMES[decision.kind]);
    default:
      return withFrameworks(DECLINE_LEADS[decision.reason], frameworkNames);
  }
}

function declined(snapshot: KnowledgeSnapshot, question: string, decision: Decision & { answer: false }, hits: SearchHit[]): Answer {
  // Near misses are the most useful suggestions for "I don't know"; general topics otherwise.
  const near = decision.reason === 'low_confidence' || decision.reason === 'not_covered' || decision.reason === 'fact_not_given' ? hits.map((h) => h.chunk.heading) : [];
  const suggestions = [...new Set([...near, ...fallbackTopics(snapshot)])].slice(0, 3);
  return {
    question: sanitizeUserText(question),
    answered: false,
    lead: declineLead(decision, snapshot.frameworks.names),
    snippets: [],
    suggestions,
    declineReason: decision.reason,
    ...(decision.reason === 'not_covered' ? { missing: decision.missing.map((m) => sanitizeUserText(m.text, 60).toLowerCase()) } : {}),
  };
}
