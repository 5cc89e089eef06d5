/**
 * The plain-text rendering of an answer: console chat, `npm run ask` and the JSON `answer` field.
 * Snippets are numbered and each number points at its citation below.
 */
import type { Answer, Citation } from './types.ts';

export function formatCitation(citation: Citation): string {
  const section = citation.section ? `, section "${citation.section}"` : '';
  const url = citation.url ? ` <${citation.url}>` : '';
  return `${citation.title} — ${citation.source} (${citation.date})${section}${url}`;
}

export function renderAnswerText(answer: Answer): string {
  const lines = [answer.lead];
  if (answer.snippets.length > 0) {
    lines.push('');
    for (const [i, s] of answer.snippets.entries()) lines.push(`[${i + 1}] ${s.text}`);
  }
  if (answer.disagreement) lines.push('', `Note: ${answer.disagreement}`);
  if (answer.snippets.length > 0) {
    lines.push('', 'Sources:');
    for (const [i, s] of answer.snippets.entries()) lines.push(`[${i + 1}] ${formatCitation(s.citation)}`);
  }
  if (answer.suggestions.length > 0) {
    lines.push('', `${answer.answered ? 'Related' : 'You could ask about'}: ${answer.suggestions.join(' · ')}`);
  }
  return lines.join('\n');
}
