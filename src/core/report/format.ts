/**
 * Plain-text usage report shared by `npm run report` and every platform's admin command, so admins
 * see the same wording wherever they ask. Short on purpose: it is read in a chat window.
 */
import type { UsageReport } from '../ports.ts';

/** Longest question shown before it is cut with an ellipsis (chat lines wrap badly beyond this). */
const MAX_REPORT_LINE_CHARS = 120;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REPORT_LINE_CHARS ? `${flat.slice(0, MAX_REPORT_LINE_CHARS - 1)}…` : flat;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Formats what users asked that the bot could not answer and which answers they down-voted.
 *
 * @example formatReport({ unanswered: [], downvoted: [] }) // → "Nothing to report yet — …"
 */
export function formatReport(report: UsageReport): string {
  if (report.unanswered.length === 0 && report.downvoted.length === 0) {
    return 'Nothing to report yet — no declined questions and no down-votes so far.';
  }
  const lines: string[] = [];
  if (report.unanswered.length > 0) {
    lines.push('Most asked questions I could not answer (add knowledge for these):');
    report.unanswered.forEach((item, i) => {
      lines.push(`  ${i + 1}. "${clip(item.question)}" — asked ${plural(item.count, 'time')}`);
    });
  } else {
    lines.push('No declined questions so far.');
  }
  lines.push('');
  if (report.downvoted.length > 0) {
    lines.push('Most down-voted answers (check the cited sections):');
    report.downvoted.forEach((item, i) => {
      const cited = item.chunkIds.length > 0 ? ` — cited ${item.chunkIds.join(', ')}` : '';
      lines.push(`  ${i + 1}. "${clip(item.question)}" — 👎 ${item.down} / 👍 ${item.up}${cited}`);
    });
  } else {
    lines.push('No down-voted answers so far.');
  }
  return lines.join('\n');
}
