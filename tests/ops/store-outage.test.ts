import { describe, expect, it } from 'vitest';
import { withStoreOutageReplies } from '../../src/ops/store-outage.ts';
import { StoreUnavailableError } from '../../src/stores/redis-store.ts';
import { fakeDesk } from './fakes.ts';

const who = { platform: 'slack' as const, userId: 'U1', conversation: 'C1' };

describe('store outage replies', () => {
  it('turns an unreadable flow session into a friendly "try again" step and a lost vote into "unavailable"', async () => {
    const inner = fakeDesk();
    inner.flow = () => Promise.reject(new StoreUnavailableError(new Error('ECONNREFUSED')));
    inner.recordFeedback = () => Promise.reject(new StoreUnavailableError(new Error('ECONNREFUSED')));
    const desk = withStoreOutageReplies(inner);
    const step = await desk.flow(who, { type: 'start' });
    expect(step).toEqual({ kind: 'invalid', message: expect.stringMatching(/try again/) });
    expect(await desk.recordFeedback('abc', 'up', who)).toBe('unavailable');
  });

  it('lets real bugs through to the adapter’s error handling', async () => {
    const inner = fakeDesk();
    inner.flow = () => Promise.reject(new TypeError('bug'));
    await expect(withStoreOutageReplies(inner).flow(who, { type: 'restart' })).rejects.toThrow('bug');
  });
});
