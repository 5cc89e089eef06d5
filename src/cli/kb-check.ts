/**
 * `npm run kb:check [-- <dir>]` — validates and lints the knowledge base: the directory given, else
 * `--knowledge <dir>`, else KNOWLEDGE_DIR (as the bot reads it), else `knowledge/`. Prints every issue as
 * `file:line: severity: message`, then a summary; exits 1 when there is any error. CI runs it.
 */
import { loadKnowledgeBase } from '../core/knowledge/load.ts';
import type { KnowledgeIssue } from '../core/knowledge/schema.ts';
import { KNOWLEDGE_HELP, KNOWLEDGE_OPTION, knowledgeDir } from './knowledge-cli.ts';
import { runCli } from './run-cli.ts';

function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.file}:${issue.line}: ${issue.severity}: ${issue.message}`;
}

runCli(
  {
    name: 'kb:check',
    usage: 'npm run kb:check [-- [--knowledge <dir>] [<dir>]]',
    help: `Validates front matter, the flow file, synonyms and disagreements, and lints every section. Prints each
problem as file:line: severity: message and a summary; exits 1 when there is an error (warnings pass).

  <dir>              same as --knowledge <dir>
${KNOWLEDGE_HELP}`,
    options: KNOWLEDGE_OPTION,
    positionals: true,
  },
  async ({ values, positionals }) => {
    if (positionals.length > 1) {
      console.error(`kb:check: one directory at a time (got ${positionals.length}: ${positionals.join(' ')})`);
      return 2;
    }
    const dir = knowledgeDir(positionals[0] ?? values.knowledge);
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
  },
);
