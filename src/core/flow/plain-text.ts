/**
 * The plain-text rendering of a recommendation, shared by the console chat and `npm run choose`:
 * verdict, score bars, numbered reasons, the hybrid path, the runner-up's best case, what would change
 * the verdict, and the numbered sources the reasons point at.
 */
import type { Citation } from '../answer/types.ts';
import { formatCitation } from '../answer/plain-text.ts';
import { FRAMEWORK_NAMES } from '../answer/frameworks.ts';
import { renderScoreBars } from './score-bars.ts';
import type { Recommendation } from './types.ts';

/** Every citation of a recommendation once, in the order the text first refers to them. */
export function recommendationCitations(rec: Recommendation): Citation[] {
  const seen = new Map<string, Citation>();
  const cited = [...rec.reasons, rec.hybrid, rec.runnerUp.bestCase].filter((r) => r !== undefined);
  for (const reason of cited) if (!seen.has(reason.citation.chunkId)) seen.set(reason.citation.chunkId, reason.citation);
  return [...seen.values()];
}

/**
 * @example renderRecommendationText(step.recommendation) // "Recommendation: PyTorch (confidence 53%) …"
 */
export function renderRecommendationText(rec: Recommendation): string {
  const citations = recommendationCitations(rec);
  const ref = (citation: Citation) => `[${citations.findIndex((c) => c.chunkId === citation.chunkId) + 1}]`;
  const lines = [`Recommendation: ${FRAMEWORK_NAMES[rec.framework]} (confidence ${Math.round(rec.confidence * 100)}%)`, '', renderScoreBars(rec.scores), '', 'Why:'];
  for (const reason of rec.reasons) lines.push(`- ${reason.text} ${ref(reason.citation)}`);
  if (rec.hybrid) lines.push('', `Hybrid path: ${rec.hybrid.text} ${ref(rec.hybrid.citation)}`);
  const runnerUp = FRAMEWORK_NAMES[rec.runnerUp.framework];
  if (rec.runnerUp.bestCase) lines.push('', `Best case for ${runnerUp}: ${rec.runnerUp.bestCase.text} ${ref(rec.runnerUp.bestCase.citation)}`);
  if (rec.wouldChange.length > 0) {
    lines.push('', 'What would change the verdict:');
    for (const change of rec.wouldChange) lines.push(`- ${change}`);
  }
  lines.push('', 'Sources:');
  for (const [i, c] of citations.entries()) lines.push(`[${i + 1}] ${formatCitation(c)}`);
  return lines.join('\n');
}
