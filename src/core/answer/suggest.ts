/**
 * Topic autocomplete (Slack/Discord option lists, the console) and the general suggestions shown when
 * the bot declines. Topics are the knowledge base's section headings: every one is answerable.
 */
import type { KnowledgeSnapshot } from '../knowledge/snapshot.ts';
import { editDistance } from './frameworks.ts';
import { sanitizeUserText } from './sanitize.ts';
import { words } from './terms.ts';

/** Slack and Discord both cap option lists at 25 and option labels at 100 characters. */
const MAX_SUGGESTIONS = 25;
const MAX_LABEL = 100;

const topicCache = new WeakMap<KnowledgeSnapshot, string[]>();
const fallbackCache = new WeakMap<KnowledgeSnapshot, string[]>();

/** Distinct section headings, in knowledge-base order. */
function topicsOf(snapshot: KnowledgeSnapshot): string[] {
  let topics = topicCache.get(snapshot);
  if (!topics) {
    topics = [...new Set(snapshot.chunks.map((c) => c.heading.slice(0, MAX_LABEL)))];
    topicCache.set(snapshot, topics);
  }
  return topics;
}

/** A few topics from different documents, for "try one of these". */
export function fallbackTopics(snapshot: KnowledgeSnapshot, count = 3): string[] {
  let firstOfEachDoc = fallbackCache.get(snapshot);
  if (!firstOfEachDoc) {
    const byDoc = new Map<string, string>();
    for (const chunk of snapshot.chunks) if (!byDoc.has(chunk.docId)) byDoc.set(chunk.docId, chunk.heading);
    firstOfEachDoc = [...byDoc.values()];
    fallbackCache.set(snapshot, firstOfEachDoc);
  }
  return firstOfEachDoc.slice(0, count);
}

/**
 * Headings matching what the user has typed so far: headings starting with it first, then headings with
 * a word starting with the last typed word, then near misses ("deploymnet"). Empty prefix → first topics.
 */
export function suggestTopics(snapshot: KnowledgeSnapshot, prefix: string, limit: number): string[] {
  const max = Math.max(0, Math.min(MAX_SUGGESTIONS, Math.floor(Number.isFinite(limit) ? limit : 0)));
  if (max === 0) return [];
  const topics = topicsOf(snapshot);
  const typed = words(sanitizeUserText(prefix, 100));
  if (typed.length === 0) return topics.slice(0, max);
  const phrase = typed.join(' ');
  const scored: { topic: string; score: number; i: number }[] = [];
  topics.forEach((topic, i) => {
    const topicWords = words(topic);
    const joined = topicWords.join(' ');
    let score = 0;
    if (joined.startsWith(phrase)) score = 3;
    else if (joined.includes(phrase)) score = 2;
    else if (typed.every((t) => topicWords.some((w) => w.startsWith(t)))) score = 1.5;
    else if (typed.every((t) => t.length >= 4 && topicWords.some((w) => editDistance(t, w.slice(0, t.length + 1), 2) <= (t.length >= 7 ? 2 : 1)))) score = 1;
    if (score > 0) scored.push({ topic, score, i });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .map((s) => s.topic);
}
