/**
 * The reload guarantee under load: thousands of questions in flight while the knowledge base (a temp copy
 * of knowledge/) is reloaded over and over — alternating between two valid versions and broken ones.
 * Expected: no question fails or comes back empty, and every answer's citations come wholly from one
 * version (old or new), never a mix. Version B renames the headings (hence chunk ids) of every section the
 * flow does not cite, so a mixed answer would show up as ids from both versions.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import type { Answer } from '../../src/core/answer/types.ts';
import { createDesk } from '../../src/core/desk.ts';
import { loadKnowledgeBase } from '../../src/core/knowledge/load.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import type { ReloadResult, Requester } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const SOURCE = new URL('../../knowledge/', import.meta.url).pathname;
const QUESTIONS_MIN = 3_000;
/** Hard cap, so the loop is bounded even if reloads were very slow. */
const QUESTIONS_MAX = 60_000;
/** Keep asking until this many reloads (b, broken, a, broken again: both versions and both kinds of breakage) have happened under load. */
const RELOADS_MIN = 4;
const CONCURRENCY = 16;
const OFF_TOPIC = ['what is the weather in Paris tomorrow?', 'how do I bake sourdough bread', 'center a div with CSS grid'];

let root: string;
const dirs = { live: '', a: '', b: '' };
let snapshotA: KnowledgeSnapshot;
let snapshotB: KnowledgeSnapshot;

/** Copies `from` over the live dir file by file (the test only does this between reloads). */
function install(from: string): void {
  cpSync(from, dirs.live, { recursive: true, force: true });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fdesk-reload-'));
  for (const name of ['live', 'a', 'b'] as const) dirs[name] = join(root, name);
  cpSync(SOURCE, dirs.a, { recursive: true });
  cpSync(SOURCE, dirs.b, { recursive: true });
  const loadedA = await loadKnowledgeBase(dirs.a);
  if (!loadedA.snapshot) throw new Error(`knowledge/ does not load: ${JSON.stringify(loadedA.issues)}`);
  snapshotA = loadedA.snapshot;
  // Chunk ids the flow file cites must survive; every other heading gets a new name (and id) in B.
  const flowText = readFileSync(join(dirs.a, 'flow', 'choose-framework.yaml'), 'utf8');
  const byFile = new Map<string, number[]>();
  for (const chunk of snapshotA.chunks) {
    if (flowText.includes(chunk.id)) continue;
    byFile.set(chunk.file, [...(byFile.get(chunk.file) ?? []), chunk.line]);
  }
  for (const [file, lines] of byFile) {
    const path = join(dirs.b, file);
    const text = readFileSync(path, 'utf8').split('\n');
    for (const line of lines) text[line - 1] = `${text[line - 1]} revised`;
    writeFileSync(path, text.join('\n'));
  }
  const loadedB = await loadKnowledgeBase(dirs.b);
  if (!loadedB.snapshot) throw new Error(`variant B does not load: ${JSON.stringify(loadedB.issues)}`);
  snapshotB = loadedB.snapshot;
  cpSync(dirs.a, dirs.live, { recursive: true });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('reload under load', () => {
  it('answers thousands of concurrent questions across repeated good and broken reloads, each from one whole base', async () => {
    const idsA = new Set(snapshotA.chunks.map((c) => c.id));
    const idsB = new Set(snapshotB.chunks.map((c) => c.id));
    expect([...idsB].filter((id) => !idsA.has(id)).length).toBeGreaterThan(10);

    // Questions both versions answer confidently: section headings phrased as a user would.
    const candidates = snapshotA.chunks.map((c) => `${c.docTitle}: ${c.heading}?`);
    const onTopic = candidates.filter((q) => answerQuestion(snapshotA, q).answered && answerQuestion(snapshotB, q).answered).slice(0, 60);
    expect(onTopic.length).toBeGreaterThanOrEqual(10);

    const desk = await createDesk({ knowledgeDir: dirs.live, store: new MemoryStore() });
    const failures: string[] = [];
    const results: { answer: Answer; offTopic: boolean }[] = [];
    const reloads: ReloadResult[] = [];
    let asking = true;

    const reloader = (async () => {
      const plan = ['b', 'broken', 'a', 'broken-file', 'b', 'a'] as const;
      for (let round = 0; asking; round++) {
        const step = plan[round % plan.length]!;
        if (step === 'a' || step === 'b') install(dirs[step]);
        if (step === 'broken') writeFileSync(join(dirs.live, 'zz-broken.md'), '---\ntitle: [unclosed\n---\n## Oops\ntext\n');
        if (step === 'broken-file') writeFileSync(join(dirs.live, 'zz-broken.md'), '---\nid: zz\n---\nno sections and no source\n');
        reloads.push(await desk.reload(`test:${step}`));
        rmSync(join(dirs.live, 'zz-broken.md'), { force: true });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const started = performance.now();
    let next = 0;
    const worker = async (id: number) => {
      const who: Requester = { platform: 'cli', userId: `load-${id}`, conversation: 'load' };
      while ((next < QUESTIONS_MIN || reloads.length < RELOADS_MIN) && next < QUESTIONS_MAX) {
        const n = next++;
        // Real traffic arrives from sockets, one event-loop turn each: yield to I/O, or the reload's file
        // reads (macrotasks) would only run after every question (microtasks only) had been answered.
        await new Promise((resolve) => setImmediate(resolve));
        const offTopic = n % 10 === 9;
        const question = offTopic ? OFF_TOPIC[n % OFF_TOPIC.length]! : onTopic[n % onTopic.length]!;
        try {
          results.push({ answer: await desk.ask(question, who), offTopic });
        } catch (error) {
          failures.push(`${question}: ${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
    const elapsed = performance.now() - started;
    asking = false;
    await reloader;

    expect(failures).toEqual([]);
    const asked = results.length;
    expect(asked).toBeGreaterThanOrEqual(QUESTIONS_MIN);
    const okReloads = reloads.filter((r) => r.ok);
    const failedReloads = reloads.filter((r) => !r.ok);
    expect(okReloads.length).toBeGreaterThanOrEqual(2);
    expect(failedReloads.length).toBeGreaterThanOrEqual(2);
    for (const failed of failedReloads) {
      expect(failed.errors.length).toBeGreaterThan(0);
      expect(failed.errors[0]!.file).toContain('zz-broken.md');
      expect(failed.after).toEqual(failed.before);
    }

    let fromA = 0;
    let fromB = 0;
    for (const { answer, offTopic } of results) {
      expect(answer.lead.trim().length, `empty lead for "${answer.question}"`).toBeGreaterThan(0);
      if (offTopic) {
        expect(answer.answered, `off-topic answered: ${answer.question}`).toBe(false);
        continue;
      }
      expect(answer.answered, `on-topic declined: ${answer.question}`).toBe(true);
      expect(answer.snippets.length).toBeGreaterThan(0);
      const ids = answer.snippets.map((s) => s.citation.chunkId);
      const inA = ids.every((id) => idsA.has(id));
      const inB = ids.every((id) => idsB.has(id));
      expect(inA || inB, `answer mixes bases: ${ids.join(', ')}`).toBe(true);
      if (inA && !inB) fromA++;
      if (inB && !inA) fromB++;
    }
    // Both versions really served during the run (otherwise the test proved nothing).
    expect(fromA).toBeGreaterThan(0);
    expect(fromB).toBeGreaterThan(0);
    const reloadMs = okReloads.map((r) => r.ms).sort((x, y) => x - y);
    console.info(
      `[reload-under-load] ${asked} questions (${CONCURRENCY} concurrent) in ${Math.round(elapsed)} ms ` +
        `(${Math.round(asked / (elapsed / 1000))}/s) during ${reloads.length} reloads ` +
        `(${okReloads.length} ok, ${failedReloads.length} refused; ok reload median ${Math.round(reloadMs[reloadMs.length >> 1] ?? 0)} ms); ` +
        `answers from A-only ids ${fromA}, B-only ids ${fromB}; 0 failed, 0 empty`,
    );
  }, 120_000);
});
