/**
 * When does a message lean on the one before it? People continue a conversation in two recognisable
 * ways: they ask for the evidence ("source?"), or they ask a question without its subject ("and for
 * mobile?", "what about pytorch?", "can you explain that more simply"). The rule here is deliberately
 * about the *shape* of the message — a continuation signal plus no subject of its own — not about any
 * topic, so it needs no list of questions and explains itself (docs/follow-ups.md):
 *
 * - **no subject**: at most one topic word of its own (a word that is neither a stop word nor a
 *   framework name), and at least one topic word or framework name (so "thanks!" is not a follow-up);
 * - a **signal**: it opens with a continuation cue (a conjunction, "what/how about") or ends with
 *   "then" — such a message may name a framework ("what about pytorch?") — or it points back with a
 *   pronoun (it, this, that, these, those, they, them) and names no framework, since with one the
 *   pronoun usually points inside the message ("why is it called tensorflow?").
 */
import { contentTerms, rawWords } from '../answer/terms.ts';

/** What a message is, seen from the conversation. */
export type MessageKind =
  /** "source?", "links?", "what's the citation?": the previous answer's citations, nothing else. */
  | { kind: 'sources' }
  /** A question without its subject; `namesFramework` when it brings its own ("what about pytorch?"). */
  | { kind: 'follow-up'; namesFramework: boolean }
  /** Everything else stands alone. */
  | { kind: 'question' };

/** Which frameworks a piece of text names (typos and abbreviations included): the base's own parser. */
export type FrameworksIn = (text: string) => readonly string[];

/** Conjunctions and phrases that only continue something said before. */
const CONTINUATION_CUE = /^(?:and|but|or|so|also|plus|then|ok(?:ay)?|alright|what about|how about|what if)\b/i;
/** "…which one is faster then": a closing "then" refers back just as an opening "so" does. */
const CLOSING_THEN = /\bthen\s*[?!.]*$/i;
/** Pronouns that stand for something named earlier. */
const BACK_REFERENCE = /\b(?:it|this|that|these|those|they|them)\b/i;
/** The whole message asks for sources, with at most a polite frame around the word. */
const SOURCES_REQUEST =
  /^(?:(?:ok(?:ay)?|and|so|but)[\s,]+)?(?:(?:what(?:['’]?s| is| are| were)|where(?:['’]?s| is| are)|got|any|can i (?:get|have|see)|give me|show me|send)\s+)?(?:the\s+|your\s+|a\s+|some\s+)?(?:sources?|links?|citations?|references?|refs?)(?:\s+(?:please|pls|for (?:that|this|it)))?[\s?!.]*$/i;

/** Leading punctuation, emoji and leftover mention markup say nothing about the shape of a message. */
const normalise = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim();

/** Classifies `text` (one chat message) as a sources request, a follow-up or a question of its own. */
export function classifyMessage(text: string, frameworksIn: FrameworksIn): MessageKind {
  const message = normalise(text);
  if (message === '') return { kind: 'question' };
  if (SOURCES_REQUEST.test(message)) return { kind: 'sources' };
  const continues = CONTINUATION_CUE.test(message) || CLOSING_THEN.test(message);
  if (!continues && !BACK_REFERENCE.test(message)) return { kind: 'question' };
  const named = frameworksIn(message).length > 0;
  if (named && !continues) return { kind: 'question' };
  const topicWords = countTopicWords(message, frameworksIn);
  if (topicWords > 1 || (topicWords === 0 && !named)) return { kind: 'question' };
  return { kind: 'follow-up', namesFramework: named };
}

/**
 * Content words that are not a framework's name ("mobile" in "and for mobile on tf?"), counted up to 2:
 * the rule only needs to know "none, one or more", and a long paste must not cost a parse per word.
 */
function countTopicWords(message: string, frameworksIn: FrameworksIn): number {
  let count = 0;
  for (const word of rawWords(message)) {
    if (contentTerms(word).length === 0 || frameworksIn(word).length > 0) continue;
    count += 1;
    if (count > 1) break;
  }
  return count;
}
