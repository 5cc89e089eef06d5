/** `npm run kb:check` as CI runs it: exit code, `file:line: severity: message` lines and the summary. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeKnowledgeDir } from './fixture-kb.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function kbCheck(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/kb-check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, ENV_FILE: 'none', KNOWLEDGE_DIR: '' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run kb:check', () => {
  it('passes the real knowledge base with a summary', () => {
    const { code, out } = kbCheck([]);
    expect(code, out).toBe(0);
    expect(out).toMatch(/^knowledge OK: \d+ documents, \d+ chunks, [\d,]+ words \(0 errors, \d+ warnings?\)$/m);
  });

  it('exits 1 and lists every problem as file:line: severity: message', () => {
    const front = '---\nid: a\ntitle: A\nsource: { publisher: P, title: T, date: "2024" }\nframeworks: [pytorch]\n---\n';
    const dir = writeKnowledgeDir({
      'a.md': `${front}intro before any heading\n## Empty\n\n## Fine\ntext\n`,
      'b.md': '---\nid: b\ntitle: B\nframeworks: [pytorch]\n---\n## X\ntext\n',
    });
    const { code, out } = kbCheck([dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/a\.md:7: warning: text before the first `##` heading/);
    expect(out).toMatch(/a\.md:8: error: section "Empty" is empty/);
    expect(out).toMatch(/b\.md:2: error: `source` is required — add `source: \{ publisher: …/);
    expect(out).toMatch(/knowledge has problems: 1 documents, 1 chunks, 1 words \(\d+ errors, \d+ warnings?\)/);
  });
});
