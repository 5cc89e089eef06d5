/**
 * The JSON shape of a recommendation for scripts (`npm run choose -- --json`), in the same citation shape
 * as `ask --json`: `{"framework","confidence","reasons":[{"text","citation"}],"citations":[{"title",
 * "source","url"?,"section"?,"snippet"}]}` plus `scores`, `ranking` (every declared framework, winner first:
 * `[{"framework","name","score"}]`), `wouldChange`, `runnerUp`, `hybrid`, `answers`.
 * Each citation's snippet is the sentences of the cited chunk that best support the reasons citing it.
 */
import { analyseSentences, pickSentences } from '../answer/sentences.ts';
import { contentTerms } from '../answer/terms.ts';
import type { Citation } from '../answer/types.ts';
import type { Chunk } from '../knowledge/schema.ts';
import { numberCitations } from './citations.ts';
import type { Reason, Recommendation } from './types.ts';

export interface CitationJson {
  title: string;
  source: string;
  url?: string;
  section?: string;
  snippet: string;
}

function citationJson(citation: Citation, snippet: string): CitationJson {
  return {
    title: citation.title,
    source: citation.source,
    ...(citation.url ? { url: citation.url } : {}),
    ...(citation.section ? { section: citation.section } : {}),
    snippet,
  };
}

/** The chunk's sentences that share the most words with the reasons that cite it. */
function snippetFor(chunk: Chunk | undefined, reasons: Reason[]): string {
  if (!chunk) return '';
  const terms = new Set(reasons.flatMap((r) => contentTerms(r.text)));
  return pickSentences(
    analyseSentences(chunk.body, (text) => text),
    { terms, idf: () => 1, frameworks: [] },
  ).text;
}

export function toRecommendationJson(rec: Recommendation, chunkById: ReadonlyMap<string, Chunk>) {
  const all = [...rec.reasons, rec.hybrid, rec.runnerUp.bestCase].filter((r) => r !== undefined);
  const snippets = new Map<string, string>();
  const { citations } = numberCitations(rec);
  for (const citation of citations) {
    snippets.set(
      citation.chunkId,
      snippetFor(
        chunkById.get(citation.chunkId),
        all.filter((r) => r.citation.chunkId === citation.chunkId),
      ),
    );
  }
  const reasonJson = (r: Reason) => ({ text: r.text, framework: r.framework, weight: r.weight, citation: citationJson(r.citation, snippets.get(r.citation.chunkId) ?? '') });
  return {
    framework: rec.framework,
    confidence: rec.confidence,
    reasons: rec.reasons.map(reasonJson),
    citations: citations.map((c) => citationJson(c, snippets.get(c.chunkId) ?? '')),
    scores: rec.scores,
    ranking: rec.ranking,
    wouldChange: rec.wouldChange,
    runnerUp: { framework: rec.runnerUp.framework, ...(rec.runnerUp.bestCase ? { bestCase: reasonJson(rec.runnerUp.bestCase) } : {}) },
    ...(rec.hybrid ? { hybrid: reasonJson(rec.hybrid) } : {}),
    answers: rec.answers,
  };
}
