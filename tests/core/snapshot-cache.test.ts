import { cp, mkdtemp, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/core/answer/answer-json.ts';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import { cacheDirFrom, readCachedSnapshot, snapshotKey, writeCachedSnapshot } from '../../src/core/knowledge/snapshot-cache.ts';

const REAL_BASE = path.resolve('knowledge');
const QUESTIONS = [
  'when was pytorch released?',
  'tflite on phones',
  'how do the sources differ on research share?',
  'does hf use torch',
  'what is the capital of france',
  '',
  'pytorch 2.0 compile speed',
];

let work: string;
let base: string;
let cacheDir: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'snapshot-cache-'));
  base = path.join(work, 'knowledge');
  cacheDir = path.join(work, 'cache');
  await cp(REAL_BASE, base, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function freshLoad(): Promise<KnowledgeSnapshot> {
  const { snapshot } = await loadKnowledgeBase(base);
  if (!snapshot) throw new Error('the copied base should load');
  return snapshot;
}

async function cachedLoad(): Promise<KnowledgeSnapshot | undefined> {
  const key = await snapshotKey(base);
  if (!key) throw new Error('the key should be computable');
  return readCachedSnapshot(cacheDir, base, key);
}

async function saveCache(snapshot: KnowledgeSnapshot): Promise<void> {
  const key = await snapshotKey(base);
  if (!key) throw new Error('the key should be computable');
  await writeCachedSnapshot(cacheDir, base, key, snapshot);
}

const answers = (kb: KnowledgeSnapshot) => QUESTIONS.map((q) => answerToJson(answerQuestion(kb, q))).join('\n');

describe('snapshot cache', () => {
  it('a hit answers byte for byte as a fresh load does, with the same flow and disagreements', async () => {
    const fresh = await freshLoad();
    expect(await cachedLoad()).toBeUndefined();
    await saveCache(fresh);
    const cached = await cachedLoad();
    expect(cached).toBeDefined();
    expect(answers(cached as KnowledgeSnapshot)).toBe(answers(fresh));
    const hit = cached as KnowledgeSnapshot;
    expect(hit.chunks).toEqual(fresh.chunks);
    expect(JSON.stringify(hit.flow)).toBe(JSON.stringify(fresh.flow));
    expect(hit.flow.frameworks.all).toEqual(fresh.flow.frameworks.all);
    expect(hit.disagreements).toEqual(fresh.disagreements);
    expect(hit.frameworks.all).toEqual(fresh.frameworks.all);
  });

  it.each([
    ['editing a Markdown file', async (dir: string) => appendFile(path.join(dir, (await readdir(dir)).find((f) => f.endsWith('.md') && f !== 'README.md') as string), '\n')],
    ['editing synonyms.yaml', (dir: string) => appendFile(path.join(dir, 'synonyms.yaml'), '\n')],
    ['editing the flow', (dir: string) => appendFile(path.join(dir, 'flow', 'choose-framework.yaml'), '\n')],
    ['adding a file', (dir: string) => writeFile(path.join(dir, 'new.md'), 'x')],
  ])('%s is a miss', async (_what, edit) => {
    await saveCache(await freshLoad());
    expect(await cachedLoad()).toBeDefined();
    await edit(base);
    expect(await cachedLoad()).toBeUndefined();
  });

  it('a truncated, corrupt or foreign cache file is ignored, then rewritten', async () => {
    await saveCache(await freshLoad());
    const [file] = await readdir(cacheDir);
    const cacheFile = path.join(cacheDir, file as string);
    for (const damaged of ['{"format":1,"key":"', 'not json', '{}', 'null', JSON.stringify({ format: 1, key: await snapshotKey(base), chunks: 'x' })]) {
      await writeFile(cacheFile, damaged);
      expect(await cachedLoad()).toBeUndefined();
    }
    await saveCache(await freshLoad());
    expect(await cachedLoad()).toBeDefined();
    expect(await readdir(cacheDir)).toEqual([file]); // no temporary file left behind
  });

  it('KNOWLEDGE_CACHE_DIR=off disables it; a path moves it', () => {
    expect(cacheDirFrom({ KNOWLEDGE_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDirFrom({ KNOWLEDGE_CACHE_DIR: 'some/dir' })).toBe(path.resolve('some/dir'));
    expect(cacheDirFrom({})).toMatch(/node_modules[\\/]\.cache[\\/]framework-desk[\\/]?$/);
  });
});
