/**
 * The answer cache is exact: what it returns equals `answerQuestion` uncached for the same snapshot and
 * text, on every eval question, answered or declined, alone or as a follow-up; a caller's edits never
 * reach the next caller; it holds at most its cap; and a reload (a new snapshot) is answered from the
 * new base, never from what the old one answered.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { answerQuestion } from '../../src/core/answer/compose.ts';
import { AnswerCache } from '../../src/core/conversation/answer-cache.ts';
import { createDesk } from '../../src/core/desk.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/snapshot.ts';
import type { Requester } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { loadEvalSet } from './eval-set.ts';
import { loadShippedSnapshot } from './fixture-kb.ts';
import { JAX_ARTICLE } from './jax-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const set = loadEvalSet();
const questions = [...set.answerable.map((a) => a.q), ...set.off_topic, ...set.uncovered.map((u) => u.q)];

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadShippedSnapshot();
});

describe('AnswerCache', () => {
  it('returns what answerQuestion returns, on the first ask and from the cache', () => {
    const cache = new AnswerCache(10_000);
    for (const q of questions) {
      const uncached = answerQuestion(snapshot, q);
      expect(cache.answer(snapshot, q), q).toEqual(uncached);
      expect(cache.answer(snapshot, q), q).toEqual(uncached);
    }
    expect(cache.size).toBe(new Set(questions).size);
  });

  it('hands each caller its own top level, and shares only frozen parts', () => {
    const cache = new AnswerCache(10);
    const q = set.answerable[0]?.q as string;
    const first = cache.answer(snapshot, q);
    first.question = 'edited';
    expect(first.snippets.length).toBeGreaterThan(0);
    // Writing deeper would change the next caller's answer, so it throws rather than happen silently.
    expect(() => {
      first.snippets.length = 0;
    }).toThrow(TypeError);
    expect(() => {
      (first.snippets[0] as { text: string }).text = 'edited';
    }).toThrow(TypeError);
    const second = cache.answer(snapshot, q);
    expect(second).toEqual(answerQuestion(snapshot, q));
    second.id = 'x';
    expect(cache.answer(snapshot, q).id).toBeUndefined();
  });

  it('keeps at most its cap, dropping the least recently used', () => {
    const cache = new AnswerCache(3);
    const [a, b, c, d] = questions as [string, string, string, string];
    for (const q of [a, b, c]) cache.answer(snapshot, q);
    cache.answer(snapshot, a); // a is now the most recent; b the least
    cache.answer(snapshot, d);
    expect(cache.size).toBe(3);
    expect([a, b, c, d].map((q) => cache.holds(q))).toEqual([true, false, true, true]);
  });

  it('with size 0 keeps nothing', () => {
    const cache = new AnswerCache(0);
    expect(cache.answer(snapshot, questions[0] as string)).toEqual(answerQuestion(snapshot, questions[0] as string));
    expect(cache.size).toBe(0);
  });
});

describe('the Desk with its answer cache on', () => {
  it('answers as the Desk without it, follow-ups included', async () => {
    const dir = path.join(ROOT, 'knowledge');
    const cached = await createDesk({ knowledgeDir: dir, store: new MemoryStore(), answerCacheSize: 1_000 });
    const plain = await createDesk({ knowledgeDir: dir, store: new MemoryStore() });
    const strip = ({ id: _id, ...rest }: { id?: string }) => rest;
    for (const round of [1, 2]) {
      for (const [i, q] of questions.slice(0, 40).entries()) {
        const who: Requester = { platform: 'console', userId: 'u', conversation: 'c', thread: { key: `t${round}-${i}` } };
        expect(strip(await cached.ask(q, who)), q).toEqual(strip(await plain.ask(q, who)));
        // A follow-up in the same thread searches the combined question: it must match too.
        expect(strip(await cached.ask('and for mobile?', who))).toEqual(strip(await plain.ask('and for mobile?', who)));
      }
    }
  });

  it('answers from the new base right after a reload', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-cache-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true });
    const desk = await createDesk({ knowledgeDir: dir, store: new MemoryStore(), answerCacheSize: 1_000 });
    const who: Requester = { platform: 'console', userId: 'u', conversation: 'c' };
    const q = 'how does jax vmap compare to pmap?';
    expect((await desk.ask(q, who)).answered).toBe(false);
    expect((await desk.ask(q, who)).answered).toBe(false); // now held by the cache
    const pieces = path.join(ROOT, 'tests/fixtures/knowledge-jax');
    cpSync(path.join(pieces, JAX_ARTICLE), path.join(dir, JAX_ARTICLE));
    appendFileSync(path.join(dir, 'frameworks.yaml'), readFileSync(path.join(pieces, 'frameworks-entry.yaml'), 'utf8'));
    expect((await desk.reload('test')).ok).toBe(true);
    const after = await desk.ask(q, who);
    expect(after.answered).toBe(true);
    expect(after.snippets[0]?.citation.source).toMatch(/Fixture Review/);
  });
});
