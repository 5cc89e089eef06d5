import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { runStoreContract } from './store-contract.ts';

runStoreContract('MemoryStore', (options) => new MemoryStore(options));

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('MemoryStore bounds', () => {
  it('expires sessions exactly at their TTL (injected clock)', async () => {
    const c = clock();
    const store = new MemoryStore({ now: c.now });
    await store.setSession('k', 'v', 30 * 60_000);
    c.advance(30 * 60_000 - 1);
    expect(await store.getSession('k')).toBe('v');
    c.advance(1);
    expect(await store.getSession('k')).toBeUndefined();
    expect(store.sizes.sessions).toBe(0);
  });

  it('a flood of abandoned sessions never grows past maxEntries, evicting the oldest first', async () => {
    const store = new MemoryStore({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) await store.setSession(`flow:${i}`, 'x'.repeat(50), 30 * 60_000);
    expect(store.sizes.sessions).toBe(100);
    expect(await store.getSession('flow:0')).toBeUndefined();
    expect(await store.getSession('flow:9999')).toBe('x'.repeat(50));
    expect(await store.getSession('flow:9900')).toBe('x'.repeat(50));
  });

  it('a burst of one kind of value (answer contexts) does not evict another (questionnaires)', async () => {
    const store = new MemoryStore({ maxEntries: 100 });
    await store.setSession('flow:slack:U1:C1', 'mid-questionnaire', 30 * 60_000);
    for (let i = 0; i < 1_000; i++) await store.setSession(`answer:${i}`, '{}', 7 * 24 * 3_600_000);
    expect(await store.getSession('flow:slack:U1:C1')).toBe('mid-questionnaire');
    expect(store.sizes.sessions).toBe(101);
  });

  it('rewriting the same session over and over keeps the bookkeeping bounded', async () => {
    const store = new MemoryStore({ maxEntries: 100 });
    for (let i = 0; i < 100_000; i++) await store.setSession(`flow:${i % 3}`, String(i), 60_000);
    expect(store.sizes.sessions).toBe(3);
    expect(store.sizes.sessionQueue).toBeLessThan(2_000);
  });

  it('a session still in use is not the one evicted', async () => {
    const store = new MemoryStore({ maxEntries: 3 });
    await store.setSession('active', '1', 60_000);
    await store.setSession('b', '1', 60_000);
    await store.setSession('c', '1', 60_000);
    await store.setSession('active', '2', 60_000); // a click refreshes it
    await store.setSession('d', '1', 60_000);
    expect(await store.getSession('active')).toBe('2');
    expect(await store.getSession('b')).toBeUndefined();
  });

  it('expired entries are dropped before live ones when the cap is reached', async () => {
    const c = clock();
    const store = new MemoryStore({ maxEntries: 2, now: c.now });
    await store.setSession('short', '1', 10);
    await store.setSession('long', '1', 60_000);
    c.advance(20);
    await store.setSession('new', '1', 60_000);
    expect(await store.getSession('long')).toBe('1');
    expect(await store.getSession('new')).toBe('1');
  });

  it('dedupe keys and rate windows are bounded too', async () => {
    const store = new MemoryStore({ maxEntries: 50 });
    for (let i = 0; i < 1_000; i++) {
      await store.claimOnce(`evt-${i}`, 60_000);
      await store.allowRate(`user-${i}`, 5, 60_000);
    }
    expect(store.sizes.claims).toBe(50);
    expect(store.sizes.rates).toBe(50);
  });

  it('rate windows roll over with the clock', async () => {
    const c = clock(0);
    const store = new MemoryStore({ now: c.now });
    expect(await store.allowRate('u', 1, 1_000)).toBe(true);
    expect(await store.allowRate('u', 1, 1_000)).toBe(false);
    c.advance(1_000);
    expect(await store.allowRate('u', 1, 1_000)).toBe(true);
  });

  it('declined and feedback tallies keep the most asked within maxQuestions', async () => {
    const store = new MemoryStore({ maxQuestions: 10 });
    for (let i = 0; i < 5; i++) await store.recordDeclined('popular question');
    for (let i = 0; i < 1_000; i++) {
      await store.recordDeclined(`one-off ${i}`);
      await store.recordFeedback({ vote: 'down', question: `q ${i}`, chunkIds: [], platform: 'console', userId: 'u', at: 0 });
    }
    expect(store.sizes.declined).toBe(10);
    expect(store.sizes.feedback).toBe(10);
    expect((await store.report(1)).unanswered).toEqual([{ question: 'popular question', count: 5, suggested: [] }]);
  });
});
