/**
 * Admin replies: the outcome of a knowledge reload (with every error's file and line, so the admin
 * knows what to fix) and the usage report in the same wording as `npm run report`.
 */
import type { UsageReport, ReloadResult } from '../../core/ports.ts';
import { formatReport } from '../../core/report/format.ts';
import { splitText } from './embed-limits.ts';
import { neutraliseMentions } from './escape.ts';
import { COLORS, toMessages, type DiscordMessage } from './render.ts';

/** Most reload errors listed before "…and N more" (the admin fixes them top-down anyway). */
const MAX_ERRORS = 20;

export function renderReload(result: ReloadResult): DiscordMessage[] {
  const counts = (c: { documents: number; chunks: number }) => `${c.documents} documents, ${c.chunks} sections`;
  const seconds = `${Math.round(result.ms)} ms`;
  if (result.ok) {
    return toMessages(
      [{ color: COLORS.success, title: '✅ Knowledge base reloaded', description: `Before: ${counts(result.before)}\nNow: ${counts(result.after)}\nTook ${seconds}.` }],
      [],
    );
  }
  const errors = result.errors.slice(0, MAX_ERRORS).map((e) => `• \`${e.file}:${e.line}\` ${e.message}`);
  if (result.errors.length > MAX_ERRORS) errors.push(`…and ${result.errors.length - MAX_ERRORS} more (run \`npm run kb:check\`).`);
  const description = [
    `The new files have errors, so I kept serving the previous base (${counts(result.before)}).`,
    'Fix these and reload again:',
    neutraliseMentions(errors.join('\n')),
  ].join('\n\n');
  return toMessages([{ color: COLORS.failure, title: '❌ Reload refused', description }], []);
}

export function renderReport(report: UsageReport): DiscordMessage[] {
  // A code block keeps formatReport's indentation; each piece gets its own fence when split.
  const pieces = splitText(neutraliseMentions(formatReport(report)).replace(/```/g, "'''"), 4000);
  return toMessages(
    pieces.map((piece, i) => ({ color: COLORS.answer, ...(i === 0 && { title: 'Usage report' }), description: `\`\`\`\n${piece}\n\`\`\`` })),
    [],
  );
}
