/**
 * Admin replies: the outcome of a knowledge reload (old → new counts and time, or every error's file and
 * line so the admin knows what to fix — the old base keeps serving) and the usage report in the same
 * wording as `npm run report`.
 */
import type { KnownBlock } from '@slack/types';
import type { ReloadResult, UsageReport } from '../../core/ports.ts';
import { formatReport } from '../../core/report/format.ts';
import { sections, toMessages, type SlackMessage } from './block-limits.ts';
import { escapeMrkdwn } from './escape.ts';

/** Most reload errors listed before "…and N more" (the admin fixes them top-down anyway). */
const MAX_ERRORS = 30;

const counts = (c: { documents: number; chunks: number }) => `${c.documents} documents, ${c.chunks} sections`;

export function renderReload(result: ReloadResult): SlackMessage[] {
  const took = `${Math.round(result.ms)} ms`;
  if (result.ok) {
    const text = `✅ Knowledge base reloaded in ${took}: ${counts(result.before)} → ${counts(result.after)}.`;
    return toMessages(sections(text, escapeMrkdwn), text);
  }
  const errors = result.errors.slice(0, MAX_ERRORS).map((e) => `• \`${escapeMrkdwn(`${e.file}:${e.line}`)}\` ${escapeMrkdwn(e.message)}`);
  if (result.errors.length > MAX_ERRORS) errors.push(`…and ${result.errors.length - MAX_ERRORS} more (run \`npm run kb:check\`).`);
  const intro = `❌ Reload refused after ${took}: the new files have errors, so I kept serving the previous base (${counts(result.before)}). Fix these and reload again:`;
  const blocks: KnownBlock[] = [...sections(intro, escapeMrkdwn), ...sections(errors.join('\n'), (piece) => piece)];
  return toMessages(blocks, intro);
}

export function renderReport(report: UsageReport): SlackMessage[] {
  // A code block keeps formatReport's indentation; each split piece gets its own fence.
  const text = formatReport(report).replace(/```/g, "'''");
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: '*Usage report*' } }, ...sections(text, (piece) => `\`\`\`\n${escapeMrkdwn(piece)}\n\`\`\``)];
  return toMessages(blocks, 'Usage report');
}
