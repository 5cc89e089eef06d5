/**
 * A shared-store outage reaches users as friendly replies from the Desk itself (the store-unavailable
 * error is a port of the core), so every adapter behaves the same while Redis is down.
 */
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { StoreUnavailableError, type Requester } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const who: Requester = { platform: 'slack', userId: 'U1', conversation: 'C1' };

/** A memory store whose session reads fail the way RedisStore's do while Redis is unreachable. */
function storeWithUnreadableSessions(failure: () => Error): MemoryStore {
  const store = new MemoryStore();
  store.getSession = () => Promise.reject(failure());
  return store;
}

describe('Desk during a store outage', () => {
  it('turns an unreadable flow session into a "try again" step and a vote into "unavailable"', async () => {
    const desk = await createDesk({ knowledgeDir: 'knowledge', store: storeWithUnreadableSessions(() => new StoreUnavailableError(new Error('ECONNREFUSED'))) });
    expect(await desk.flow(who, { type: 'start' })).toEqual({ kind: 'invalid', message: expect.stringMatching(/try again/) });
    expect(await desk.recordFeedback('abc123', 'up', who)).toBe('unavailable');
    // Questions need no session: still answered.
    expect((await desk.ask('is pytorch good for research?', who)).answered).toBe(true);
  });

  it('lets real bugs through to the adapter’s error handling', async () => {
    const desk = await createDesk({ knowledgeDir: 'knowledge', store: storeWithUnreadableSessions(() => new TypeError('bug')) });
    await expect(desk.flow(who, { type: 'restart' })).rejects.toThrow('bug');
    await expect(desk.recordFeedback('abc123', 'up', who)).rejects.toThrow('bug');
  });
});
