/**
 * The OAuth `state` parameter, single-use across every replica. Bolt's default ClearStateStore signs the
 * install options into the state and accepts it again and again until it expires; here the state is a
 * random id, signed with SLACK_STATE_SECRET (a forged one is refused without a store read), whose install
 * options live in the shared Store and are claimed once: a replayed redirect is refused even on another
 * replica.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from '../../core/same-secret.ts';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import { type Store, StoreUnavailableError } from '../../core/ports.ts';
import { parseStoredJson } from '../../core/stored-json.ts';

/** As long as Bolt's state cookie lives: an install started and not finished in 10 minutes starts over. */
export const STATE_TTL_MS = 10 * 60_000;

/** Bolt's failure page answers 400 for this code (see @slack/oauth `defaultCallbackFailure`). */
export class InvalidOAuthStateError extends Error {
  readonly code = 'slack_oauth_invalid_state';
  constructor(reason: string) {
    super(`The install link is not valid (${reason}) — start again from /slack/install.`);
    this.name = 'InvalidOAuthStateError';
  }
}

export class SingleUseStateStore implements StateStore {
  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {}

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(id).digest('base64url');
  }

  async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
    const id = randomBytes(18).toString('base64url');
    await this.store.setSession(`oauth-state:${id}`, JSON.stringify(installOptions), STATE_TTL_MS);
    return `${id}.${this.sign(id)}`;
  }

  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    const [id, signature, extra] = state.split('.');
    if (!id || !signature || extra !== undefined || !/^[\w-]{1,64}$/.test(id)) throw new InvalidOAuthStateError('malformed');
    if (!sameSecret(signature, this.sign(id))) throw new InvalidOAuthStateError('not signed by this app');
    // Claimed before it is read: of two redirects racing with one state, on any replicas, one wins.
    if (!(await this.store.claimOnce(`oauth-state-used:${id}`, STATE_TTL_MS))) throw new InvalidOAuthStateError('already used');
    // An unreachable store is an outage to report as one, not an "expired" link the user cannot fix.
    const stored = await this.store.getSession(`oauth-state:${id}`).catch((error: unknown) => {
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
    });
    const options = parseStoredJson<InstallURLOptions>(stored);
    await this.store.deleteSession(`oauth-state:${id}`);
    if (!options || (!Array.isArray(options.scopes) && typeof options.scopes !== 'string')) throw new InvalidOAuthStateError('expired or unknown');
    return options as InstallURLOptions;
  }
}
