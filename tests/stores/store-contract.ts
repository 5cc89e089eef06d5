/**
 * The behaviour every Store must have, as one reusable suite: MemoryStore runs it in
 * `tests/stores/memory.test.ts`, the Redis store against a real redis-server. Uses real time with short
 * TTLs (tens of milliseconds), so it works for any implementation without a fake clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FeedbackRecord, MAX_CONVERSATION_CHARS, type Store, type UsageReport } from '../../src/core/ports.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let unique = 0;
/** Keys unique per test, so a shared backing server needs no flushing. */
const key = (name: string) => `${name}-${process.pid}-${Date.now()}-${unique++}`;

const vote = (question: string, v: 'up' | 'down', chunkIds = ['doc#a'], at = 0): FeedbackRecord => ({ vote: v, question, chunkIds, platform: 'console', userId: 'u1', at });

/** Limits a contract test may ask the store under test to use. */
export interface ContractStoreOptions {
  maxConversations?: number;
}

export function runStoreContract(name: string, makeStore: (options?: ContractStoreOptions) => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores, replaces and deletes sessions', async () => {
      const k = key('s');
      expect(await store.getSession(k)).toBeUndefined();
      await store.setSession(k, '{"a":1}', 60_000);
      expect(await store.getSession(k)).toBe('{"a":1}');
      await store.setSession(k, '{"a":2}', 60_000);
      expect(await store.getSession(k)).toBe('{"a":2}');
      await store.deleteSession(k);
      expect(await store.getSession(k)).toBeUndefined();
      await store.deleteSession(k); // deleting twice is fine
    });

    it('expires sessions after their TTL, counted from the last write', async () => {
      const k = key('ttl');
      // Generous margins (≥ 150 ms) so a loaded CI machine cannot make this flaky.
      await store.setSession(k, 'v', 400);
      await sleep(200);
      await store.setSession(k, 'v2', 400);
      await sleep(250); // 450 ms after the first write, 250 after the second
      expect(await store.getSession(k)).toBe('v2');
      await sleep(300);
      expect(await store.getSession(k)).toBeUndefined();
    });

    it('claims a key once within its TTL, and again after', async () => {
      const k = key('once');
      expect(await store.claimOnce(k, 300)).toBe(true);
      expect(await store.claimOnce(k, 300)).toBe(false);
      expect(await store.claimOnce(key('other'), 300)).toBe(true);
      await sleep(450);
      expect(await store.claimOnce(k, 300)).toBe(true);
    });

    it('concurrent claims of one key: exactly one wins', async () => {
      const k = key('race');
      const results = await Promise.all(Array.from({ length: 10 }, () => store.claimOnce(k, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('rate-limits per key in a window that ends', async () => {
      const k = key('rate');
      const allowed: boolean[] = [];
      for (let i = 0; i < 5; i++) allowed.push(await store.allowRate(k, 3, 500));
      expect(allowed).toEqual([true, true, true, false, false]);
      expect(await store.allowRate(key('rate-other'), 3, 500)).toBe(true);
      await sleep(650);
      expect(await store.allowRate(k, 3, 500)).toBe(true);
    });

    it('remembers one turn per conversation, replaced by each write and apart from sessions', async () => {
      const [a, b] = [key('conv-a'), key('conv-b')];
      expect(await store.getConversation(a)).toBeUndefined();
      await store.setConversation(a, '{"turn":1}', 60_000);
      await store.setConversation(b, '{"other":true}', 60_000);
      await store.setConversation(a, '{"turn":2}', 60_000);
      expect(await store.getConversation(a)).toBe('{"turn":2}');
      expect(await store.getConversation(b)).toBe('{"other":true}');
      // The same key in the session namespace is a different thing.
      expect(await store.getSession(a)).toBeUndefined();
      await store.setSession(b, 'session', 60_000);
      expect(await store.getConversation(b)).toBe('{"other":true}');
    });

    it('forgets a conversation its TTL after the last write', async () => {
      const k = key('conv-ttl');
      await store.setConversation(k, 'v', 400);
      await sleep(200);
      await store.setConversation(k, 'v2', 400);
      await sleep(250);
      expect(await store.getConversation(k)).toBe('v2');
      await sleep(300);
      expect(await store.getConversation(k)).toBeUndefined();
    });

    it('keeps at most maxConversations, forgetting the least recently written first', async () => {
      const capped = await makeStore({ maxConversations: 3 });
      try {
        const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => key(`conv-cap-${n}`)) as [string, string, string, string];
        for (const k of [a, b, c]) await capped.setConversation(k, k, 60_000);
        await capped.setConversation(a, 'a again', 60_000); // a is now the most recent
        await capped.setConversation(d, d, 60_000);
        expect(await capped.getConversation(b)).toBeUndefined();
        expect(await capped.getConversation(a)).toBe('a again');
        expect(await capped.getConversation(c)).toBe(c);
        expect(await capped.getConversation(d)).toBe(d);
      } finally {
        await capped.close();
      }
    });

    it('refuses a turn over MAX_CONVERSATION_CHARS and forgets the old one, so no stale turn is read', async () => {
      const k = key('conv-big');
      await store.setConversation(k, 'small', 60_000);
      await store.setConversation(k, 'x'.repeat(MAX_CONVERSATION_CHARS + 1), 60_000);
      expect(await store.getConversation(k)).toBeUndefined();
      const atLimit = 'y'.repeat(MAX_CONVERSATION_CHARS);
      await store.setConversation(k, atLimit, 60_000);
      expect(await store.getConversation(k)).toBe(atLimit);
    });

    it('reports declined questions grouped by normalised text, most asked first, first phrasing kept', async () => {
      const q = key('q');
      await store.recordDeclined(`What about ${q}?`, ['Old heading']);
      await store.recordDeclined(`  what ABOUT   ${q}? `, ['Mobile deployment', 'Training throughput']);
      await store.recordDeclined(`Other ${q}`);
      await store.recordDeclined('   ');
      const report = await store.report(50);
      const mine = report.unanswered.filter((u) => u.question.includes(q));
      // The latest suggestions are kept: they follow the base as it is edited.
      expect(mine).toEqual([
        { question: `What about ${q}?`, count: 2, suggested: ['Mobile deployment', 'Training throughput'] },
        { question: `Other ${q}`, count: 1, suggested: [] },
      ]);
      expect(report.unanswered.some((u) => u.question.trim() === '')).toBe(false);
    });

    it('reports down-voted answers with up and down counts and the cited chunks', async () => {
      const q = key('fb');
      await store.recordFeedback(vote(`Is ${q} fast?`, 'down', ['doc#speed']));
      await store.recordFeedback(vote(`is ${q} fast?`, 'down', ['doc#speed']));
      await store.recordFeedback(vote(`Is ${q} fast?`, 'up', ['doc#speed']));
      await store.recordFeedback(vote(`Only liked ${q}`, 'up'));
      const report = await store.report(50);
      const mine = report.downvoted.filter((d) => d.question.includes(q));
      expect(mine).toEqual([{ question: `Is ${q} fast?`, down: 2, up: 1, chunkIds: ['doc#speed'] }]);
    });

    it('lists every voted answer, liked ones too, most recently voted first, with its cited chunks', async () => {
      const q = key('all');
      const base = Date.now();
      await store.recordFeedback(vote(`Liked ${q}`, 'up', ['doc#a', 'doc#b'], base + 1));
      await store.recordFeedback(vote(`Disliked ${q}`, 'down', ['doc#c'], base + 2));
      await store.recordFeedback(vote(`liked ${q}`, 'up', ['doc#a', 'doc#b'], base + 3));
      const mine = (await store.report(50)).feedback.filter((f) => f.question.includes(q));
      expect(mine).toEqual([
        { question: `Liked ${q}`, up: 2, down: 0, chunkIds: ['doc#a', 'doc#b'], at: base + 3 },
        { question: `Disliked ${q}`, up: 0, down: 1, chunkIds: ['doc#c'], at: base + 2 },
      ]);
    });

    it('report(limit) caps both lists; limit 0 is empty', async () => {
      for (let i = 0; i < 4; i++) await store.recordDeclined(key('cap'));
      expect((await store.report(2)).unanswered.length).toBeLessThanOrEqual(2);
      for (let i = 0; i < 3; i++) await store.recordFeedback(vote(key('cap-fb'), 'up', ['doc#a'], Date.now() + i));
      expect((await store.report(2)).feedback.length).toBeLessThanOrEqual(2);
      expect(await store.report(0)).toEqual({ unanswered: [], downvoted: [], feedback: [] });
    });

    it('keeps one report per workspace: nothing asked or voted in one shows in another or the deployment-wide one', async () => {
      const q = key('ws');
      const [a, b] = [key('slack:TA'), key('discord:GB')];
      await store.recordDeclined(`Secret plan of A ${q}`, [], a);
      await store.recordDeclined(`Secret plan of A ${q}`, [], a);
      await store.recordDeclined(`Only B asks ${q}`, [], b);
      await store.recordDeclined(`Everyone ${q}`);
      await store.recordFeedback({ ...vote(`A disliked ${q}`, 'down'), workspace: a });
      await store.recordFeedback({ ...vote(`B liked ${q}`, 'up'), workspace: b });
      const mine = (r: UsageReport) => ({
        unanswered: r.unanswered.filter((u) => u.question.includes(q)).map((u) => [u.question, u.count]),
        downvoted: r.downvoted.filter((d) => d.question.includes(q)).map((d) => d.question),
        feedback: r.feedback.filter((f) => f.question.includes(q)).map((f) => f.question),
      });
      expect(mine(await store.report(50, a))).toEqual({ unanswered: [[`Secret plan of A ${q}`, 2]], downvoted: [`A disliked ${q}`], feedback: [`A disliked ${q}`] });
      expect(mine(await store.report(50, b))).toEqual({ unanswered: [[`Only B asks ${q}`, 1]], downvoted: [], feedback: [`B liked ${q}`] });
      expect(mine(await store.report(50))).toEqual({ unanswered: [[`Everyone ${q}`, 1]], downvoted: [], feedback: [] });
      expect(mine(await store.report(50, key('slack:TNEW')))).toEqual({ unanswered: [], downvoted: [], feedback: [] });
    });

    it('keeps durable records until deleted, with no expiry', async () => {
      const k = key('rec');
      expect(await store.getRecord(k)).toBeUndefined();
      await store.setRecord(k, '{"bot":1}');
      await store.setRecord(key('rec-other'), 'x');
      expect(await store.getRecord(k)).toBe('{"bot":1}');
      await store.setRecord(k, '{"bot":2}');
      expect(await store.getRecord(k)).toBe('{"bot":2}');
      await store.deleteRecord(k);
      expect(await store.getRecord(k)).toBeUndefined();
      await store.deleteRecord(k);
    });
  });
}
