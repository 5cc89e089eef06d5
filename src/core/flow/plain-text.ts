/**
 * The plain-text rendering of a recommendation, shared by the console chat and `npm run choose`:
 * verdict, score bars, numbered reasons, the hybrid path, the runner-up's best case, what would change
 * the verdict, and the numbered sources the reasons point at.
 */
import type { Citation } from '../answer/types.ts';
import { formatCitation } from '../answer/plain-text.ts';
import { frameworkName, renderScoreBars } from './score-bars.ts';
import type { Recommendation } from './types.ts';
import { numberCitations } from './citations.ts';

/** Every citation of a recommendation once, in the order the text first refers to them. */
/**
 * @example renderRecommendationText(step.recommendation) // "Recommendation: PyTorch (confidence 53%) …"
 */
export function renderRecommendationText(rec: Recommendation): string {
  const { citations, numberOf } = numberCitations(rec);
  const ref = (citation: Citation) => `[${numberOf(citation)}]`;
  const lines = [`Recommendation: ${frameworkName(rec, rec.framework)} (confidence ${Math.round(rec.confidence * 100)}%)`, '', renderScoreBars(rec), '', 'Why:'];
  for (const reason of rec.reasons) lines.push(`- ${reason.text} ${ref(reason.citation)}`);
  const runnerUp = frameworkName(rec, rec.runnerUp.framework);
  if (rec.runnerUp.bestCase) lines.push('', `Best case for ${runnerUp}: ${rec.runnerUp.bestCase.text} ${ref(rec.runnerUp.bestCase.citation)}`);
  if (rec.hybrid) lines.push('', `Hybrid path: ${rec.hybrid.text} ${ref(rec.hybrid.citation)}`);
  if (rec.wouldChange.length > 0) {
    lines.push('', 'What would change the verdict:');
    for (const change of rec.wouldChange) lines.push(`- ${change}`);
  }
  lines.push('', 'Sources:');
  for (const [i, c] of citations.entries()) lines.push(`[${i + 1}] ${formatCitation(c)}`);
  return lines.join('\n');
}
