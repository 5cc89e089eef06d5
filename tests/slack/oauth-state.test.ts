/**
 * The single-use OAuth state on its own: a good state is accepted once, a replay, a forgery and an
 * unknown id are refused as invalid links, and a store outage is reported as an outage — not as an
 * expired link, which would send the user round in circles while the store is down.
 */
import { describe, expect, it } from 'vitest';
import { InvalidOAuthStateError, SingleUseStateStore } from '../../src/adapters/slack/oauth-state.ts';
import { StoreUnavailableError } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const options = { scopes: ['app_mentions:read', 'chat:write'] };

describe('SingleUseStateStore', () => {
  it('accepts a state once and refuses its replay', async () => {
    const states = new SingleUseStateStore(new MemoryStore(), 'state-secret-for-tests');
    const state = await states.generateStateParam(options);
    await expect(states.verifyStateParam(new Date(), state)).resolves.toMatchObject(options);
    await expect(states.verifyStateParam(new Date(), state)).rejects.toThrow(/already used/);
  });

  it('refuses a state signed with another secret', async () => {
    const state = await new SingleUseStateStore(new MemoryStore(), 'another-secret').generateStateParam(options);
    await expect(new SingleUseStateStore(new MemoryStore(), 'state-secret-for-tests').verifyStateParam(new Date(), state)).rejects.toThrow(InvalidOAuthStateError);
  });

  it('reports an unreachable store as an outage, not as an expired link', async () => {
    const store = new MemoryStore();
    const states = new SingleUseStateStore(store, 'state-secret-for-tests');
    const state = await states.generateStateParam(options);
    store.getSession = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    };
    const failure = await states.verifyStateParam(new Date(), state).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).not.toBeInstanceOf(InvalidOAuthStateError);
  });
});
