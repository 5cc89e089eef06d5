/** Loading knowledge bases in core tests: the shipped one, and fixtures with a stand-in flow parser (the flow has its own tests). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeBaseWith, type FlowParser } from '../../src/core/knowledge/load-base.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';

export const SMALL_KB = new URL('../fixtures/knowledge-small/', import.meta.url).pathname;

/** Accepts any flow file; the core tests are about Markdown, synonyms and retrieval. */
export const acceptAnyFlow: FlowParser = () => ({ flow: { fixture: true } as never, issues: [] });

export function loadFixture(dir: string) {
  return loadKnowledgeBaseWith(dir, acceptAnyFlow);
}

/** The shipped base (`knowledge/`), with its real flow; a base that does not load fails with its errors. */
export async function loadShippedSnapshot(): Promise<KnowledgeSnapshot> {
  const { snapshot, issues } = await loadKnowledgeBase(new URL('../../knowledge/', import.meta.url).pathname);
  if (!snapshot) throw new Error(`knowledge base does not load:\n${issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n')}`);
  return snapshot;
}

export async function loadSmallSnapshot() {
  const { snapshot, issues } = await loadFixture(SMALL_KB);
  if (!snapshot) throw new Error(`fixture knowledge base failed to load: ${JSON.stringify(issues)}`);
  return snapshot;
}

/** The shipped base's two frameworks, as a fixture's `frameworks.yaml`. */
export const TWO_FRAMEWORKS = 'frameworks:\n  - { id: tensorflow, name: TensorFlow, aliases: [tf] }\n  - { id: pytorch, name: PyTorch, aliases: [torch] }\n';

/** Writes `files` (relative path → content) into a fresh temp dir, with a flow file unless given. */
export function writeKnowledgeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  // Removed when the test that asked for it ends (pass or fail), so runs leave nothing in /tmp.
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const all = { 'flow/choose-framework.yaml': 'questions: []\n', 'frameworks.yaml': TWO_FRAMEWORKS, 'synonyms.yaml': 'tensorflow lite: [tflite]\n', ...files };
  for (const [rel, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}
