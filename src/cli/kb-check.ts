/**
 * `npm run kb:check [dir]` — validates and lints the knowledge base (default: ./knowledge). Prints every
 * issue as `file:line: severity: message`, then a summary; exits 1 when there is any error. CI runs it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../core/knowledge/load.ts';
import type { KnowledgeIssue } from '../core/knowledge/schema.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

export function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.file}:${issue.line}: ${issue.severity}: ${issue.message}`;
}

async function main(): Promise<number> {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const dir = arg ? path.resolve(arg) : DEFAULT_DIR;
  const { snapshot, issues, stats } = await loadKnowledgeBase(dir);
  const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const issue of sorted) console.log(formatIssue(issue));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const counts = `${stats.documents} documents, ${stats.chunks} chunks, ${stats.words.toLocaleString('en-US')} words`;
  const tail = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (snapshot) {
    console.log(`knowledge OK: ${counts} (${tail})`);
    return 0;
  }
  console.log(`knowledge has problems: ${counts} (${tail}) — fix the errors above; the bot will not load this base`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`kb:check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
