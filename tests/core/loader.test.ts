import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/knowledge/chunk.ts';
import type { KnowledgeIssue } from '../../src/core/knowledge/schema.ts';
import { loadFixture, SMALL_KB, writeKnowledgeDir } from './fixture-kb.ts';

const FRONT = (extra = '') => `---
id: doc-a
title: Doc A
source:
  publisher: Pub
  title: Article
  date: "2023"
frameworks: [tensorflow]
${extra}---
`;

function only(issues: KnowledgeIssue[], code: string): KnowledgeIssue {
  const found = issues.filter((i) => i.code === code);
  expect(found, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return found[0] as KnowledgeIssue;
}

describe('loadKnowledgeBase (fixture base)', () => {
  it('loads documents, chunks with stable ids, file and line', async () => {
    const { snapshot, issues } = await loadFixture(SMALL_KB);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(snapshot?.documents).toBe(3);
    const ids = snapshot?.chunks.map((c) => c.id) ?? [];
    expect(ids).toContain('tensorflow-basics#mobile-deployment-with-tensorflow-lite');
    expect(ids).toContain('pytorch-basics#origins');
    const origins = snapshot?.chunkById.get('tensorflow-basics#origins');
    expect(origins).toMatchObject({ file: 'tensorflow-basics.md', line: 15, heading: 'Origins', docTitle: 'TensorFlow basics' });
    expect(origins?.body).toMatch(/^TensorFlow was released/);
    expect(snapshot?.citationFor('pytorch-basics#origins')).toEqual({
      title: 'Why Researchers Reach for PyTorch',
      source: 'Sample Research Weekly',
      section: 'Origins',
      date: '2024-03',
      chunkId: 'pytorch-basics#origins',
    });
  });

  it('gives the same ids on every load', async () => {
    const first = await loadFixture(SMALL_KB);
    const second = await loadFixture(SMALL_KB);
    expect(second.snapshot?.chunks.map((c) => c.id)).toEqual(first.snapshot?.chunks.map((c) => c.id));
  });

  it('slugs headings predictably', () => {
    expect(slugify('Eager mode & tf.function')).toBe('eager-mode-tf-function');
    expect(slugify('  Déploiement — TPU/XLA!  ')).toBe('deploiement-tpu-xla');
    expect(slugify('🙂')).toBe('section');
  });
});

describe('loader errors name file, line and the fix', () => {
  it('broken YAML', async () => {
    const dir = writeKnowledgeDir({ 'x.md': '---\nid: x\ntitle: [unclosed\n---\n## A\ntext\n' });
    const { snapshot, issues } = await loadFixture(dir);
    expect(snapshot).toBeUndefined();
    const issue = only(issues, 'yaml');
    expect(issue.file).toBe(path.join(dir, 'x.md'));
    expect(issue.line).toBeGreaterThanOrEqual(3);
    expect(issue.message).toMatch(/not valid YAML/);
  });

  it('missing source.publisher points at the source key', async () => {
    const text = '---\nid: x\ntitle: X\nsource:\n  title: Article\n  date: "2023"\nframeworks: [pytorch]\n---\n## A\ntext\n';
    const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'x.md': text }));
    expect(snapshot).toBeUndefined();
    const issue = only(issues, 'front-matter');
    expect(issue).toMatchObject({ line: 4, severity: 'error' });
    expect(issue.message).toBe('`source.publisher` is required — add `source: { publisher: …, title: … }`');
  });

  it('accepts an undated source and cites it as undated; rejects a date in any other form', async () => {
    const undated = FRONT().replace('date: "2023"', 'date: undated');
    const ok = await loadFixture(writeKnowledgeDir({ 'x.md': `${undated}## A\nTensorFlow text here.\n` }));
    expect(ok.snapshot?.citationFor('doc-a#a')).toMatchObject({ date: 'undated' });
    const vague = FRONT().replace('date: "2023"', 'date: last year');
    const bad = await loadFixture(writeKnowledgeDir({ 'x.md': `${vague}## A\nTensorFlow text here.\n` }));
    expect(bad.snapshot).toBeUndefined();
    expect(only(bad.issues, 'front-matter')).toMatchObject({ line: 7, message: expect.stringMatching(/YYYY.*or "undated"/) });
  });

  it('accepts only plain http(s) links for a source', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/a', 'https://example.org/a)b', 'https://example.org/a b']) {
      const text = FRONT().replace('date: "2023"', `date: "2023"\n  url: "${url}"`);
      const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'x.md': `${text}## A\nTensorFlow text.\n` }));
      expect(snapshot, url).toBeUndefined();
      expect(only(issues, 'front-matter').message).toMatch(/http\(s\)/);
    }
    const ok = FRONT().replace('date: "2023"', 'date: "2023"\n  url: "https://example.org/tf-vs-pt?x=1#y"');
    expect((await loadFixture(writeKnowledgeDir({ 'x.md': `${ok}## A\nTensorFlow text.\n` }))).snapshot).toBeDefined();
  });

  it('missing source altogether', async () => {
    const text = '---\nid: x\ntitle: X\nframeworks: [pytorch]\n---\n## A\ntext\n';
    const { issues } = await loadFixture(writeKnowledgeDir({ 'x.md': text }));
    expect(only(issues, 'front-matter').message).toMatch(/^`source` is required — add `source: \{ publisher/);
  });

  it('unknown keys and bad framework names', async () => {
    const text = `${FRONT('tagz: [a]\n').replace('[tensorflow]', '[TensorFlow]')}## A\ntext\n`;
    const { issues } = await loadFixture(writeKnowledgeDir({ 'x.md': text }));
    const messages = issues.filter((i) => i.code === 'front-matter');
    expect(messages.find((i) => /unknown key `tagz`/.test(i.message))).toMatchObject({ line: 9 });
    expect(messages.find((i) => /must be a framework id from frameworks.yaml: one lowercase word/.test(i.message))).toMatchObject({ line: 8 });
  });

  it('no front matter at all', async () => {
    const { issues } = await loadFixture(writeKnowledgeDir({ 'x.md': '## A\ntext\n' }));
    expect(only(issues, 'front-matter')).toMatchObject({ line: 1 });
  });

  it('duplicate document ids across files', async () => {
    const doc = `${FRONT()}## A\ntext\n`;
    const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'a.md': doc, 'b.md': doc }));
    expect(snapshot).toBeUndefined();
    const issue = only(issues, 'duplicate-id');
    expect(issue.file).toMatch(/b\.md$/);
    expect(issue.message).toMatch(/duplicate document id `doc-a` \(also in .*a\.md:2\)/);
  });

  it('duplicate section ids within a file', async () => {
    const { issues } = await loadFixture(writeKnowledgeDir({ 'a.md': `${FRONT()}## Speed\none\n\n## speed!\ntwo\n` }));
    expect(only(issues, 'duplicate-id')).toMatchObject({ line: 13, severity: 'error' });
  });

  it('empty section, with its heading line', async () => {
    const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'a.md': `${FRONT()}## Full\ntext\n\n## Empty\n\n## Next\nmore\n` }));
    expect(snapshot).toBeUndefined();
    expect(only(issues, 'empty-section')).toMatchObject({ line: 13, message: expect.stringMatching(/"Empty" is empty/) });
  });

  it('warns about text before the first ## and over-long sections, but still loads', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'a.md': `${FRONT()}# Title\nIntro text.\n## Long\n${long}\n` }));
    expect(snapshot).toBeDefined();
    expect(only(issues, 'preamble')).toMatchObject({ line: 11, severity: 'warning' });
    expect(only(issues, 'long-section')).toMatchObject({ line: 12, severity: 'warning' });
  });

  it('ignores ## inside code fences', async () => {
    const { snapshot } = await loadFixture(writeKnowledgeDir({ 'a.md': `${FRONT()}## Code\n\`\`\`\n## not a heading\n\`\`\`\n` }));
    expect(snapshot?.chunks.map((c) => c.heading)).toEqual(['Code']);
  });

  it('rejects a bad synonyms file with its line', async () => {
    const { snapshot, issues } = await loadFixture(writeKnowledgeDir({ 'a.md': `${FRONT()}## A\ntext\n`, 'synonyms.yaml': 'pytorch: [torch]\ntensorflow: tf\n' }));
    expect(snapshot).toBeUndefined();
    expect(only(issues, 'synonyms')).toMatchObject({ line: 2 });
  });

  it('reports an unreadable synonyms file (a folder here) as an error with its path, never a throw', async () => {
    const dir = writeKnowledgeDir({ 'x.md': `${FRONT()}## A\nTensorFlow text here.\n` });
    rmSync(path.join(dir, 'synonyms.yaml'));
    mkdirSync(path.join(dir, 'synonyms.yaml'));
    const { snapshot, issues } = await loadFixture(dir);
    expect(snapshot).toBeUndefined();
    expect(only(issues, 'unreadable')).toMatchObject({ file: path.join(dir, 'synonyms.yaml'), message: expect.stringMatching(/EISDIR/) });
  });

  it('requires the flow file and a knowledge directory', async () => {
    const dir = writeKnowledgeDir({ 'a.md': `${FRONT()}## A\ntext\n` });
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'flow'), { recursive: true });
    expect(only((await loadFixture(dir)).issues, 'no-flow').message).toMatch(/flow\/choose-framework\.yaml/);
    expect(only((await loadFixture(path.join(dir, 'nope'))).issues, 'missing-dir').message).toMatch(/does not exist/);
  });

  it('passes the known chunk ids to the flow parser and keeps its errors', async () => {
    const dir = writeKnowledgeDir({ 'a.md': `${FRONT()}## A\ntext\n` });
    let seen: string[] = [];
    const { loadKnowledgeBaseWith } = await import('../../src/core/knowledge/load-base.ts');
    const result = await loadKnowledgeBaseWith(dir, (_text, file, ids) => {
      seen = [...ids];
      return { issues: [{ file, line: 3, message: 'unknown chunk', severity: 'error', code: 'flow' }] };
    });
    expect(seen).toEqual(['doc-a#a']);
    expect(result.snapshot).toBeUndefined();
    expect(result.issues[0]).toMatchObject({ line: 3, file: expect.stringMatching(/choose-framework\.yaml$/) });
  });
});
