/**
 * The custom_id scheme of every component the bot sends (Discord caps custom_id at 100 characters).
 * Our own controls carry the `fd:` prefix; flow buttons carry the core's `encodeFlowAction` string as is
 * (already ≤ 100), and the flow's answer select carries one encoded action per option value. Anything
 * else — e.g. a button from an older deployment — is unknown and gets the friendly "expired" reply.
 */
import type { FlowAction } from '../../core/flow/types.ts';
import { decodeFlowAction, encodeFlowAction } from '../../core/flow/action-codec.ts';

const PREFIX = 'fd:';
export const SHARE_ID = `${PREFIX}share`;
const VOTE_PREFIX = `${PREFIX}vote:`;
const PICK_PREFIX = `${PREFIX}pick:`;

export type ComponentTarget =
  | { kind: 'share' }
  | { kind: 'vote'; vote: 'up' | 'down'; answerId: string }
  | { kind: 'pick' }
  | { kind: 'flow'; action: FlowAction }
  | { kind: 'unknown' };

export function voteId(vote: 'up' | 'down', answerId: string): string {
  return `${VOTE_PREFIX}${vote}:${answerId}`;
}

/** The select menu's own id; its option values are encoded flow actions. Unique per questionnaire. */
export function pickId(nonce: string): string {
  return `${PICK_PREFIX}${nonce}`.slice(0, 100);
}

/** Custom id (or select value) for a flow action; the codec guarantees ≤ 100 characters. */
export function flowId(action: FlowAction): string {
  return encodeFlowAction(action);
}

/** Decodes an encoded flow action from a select value or button id. */
export function decodeFlow(value: string | undefined): FlowAction | undefined {
  if (!value || value.startsWith(PREFIX)) return undefined;
  return decodeFlowAction(value);
}

/** Reads what a clicked component means. Never throws: garbage is `unknown`. */
export function parseCustomId(customId: string): ComponentTarget {
  if (customId === SHARE_ID) return { kind: 'share' };
  if (customId.startsWith(VOTE_PREFIX)) {
    const [vote, answerId] = customId.slice(VOTE_PREFIX.length).split(':');
    if ((vote === 'up' || vote === 'down') && answerId) return { kind: 'vote', vote, answerId };
    return { kind: 'unknown' };
  }
  if (customId.startsWith(PICK_PREFIX)) return { kind: 'pick' };
  const action = decodeFlow(customId);
  return action ? { kind: 'flow', action } : { kind: 'unknown' };
}

/** Vote buttons survive sharing; flow controls and Share itself do not. */
export function keepsOnShare(customId: string): boolean {
  return customId.startsWith(VOTE_PREFIX);
}
