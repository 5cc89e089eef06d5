/**
 * The action_id / value scheme of every interactive element the bot sends. Our controls carry the `fd_`
 * prefix; flow buttons carry the core's `encodeFlowAction` string as their value (≤ 100 characters, far
 * inside Slack's 2,000), so no flow state lives in the adapter. Anything else — a button from an older
 * deployment, a tampered payload — parses as `unknown` and gets a friendly "expired" reply.
 */
import type { FlowAction } from '../../core/flow/types.ts';
import { decodeFlowAction, encodeFlowAction } from '../../core/flow/action-codec.ts';

export const SHARE_ACTION = 'fd_share';
const VOTE_PREFIX = 'fd_vote_';
const FLOW_PREFIX = 'fd_flow_';

export type ClickTarget =
  | { kind: 'share'; shareKey: string }
  | { kind: 'vote'; vote: 'up' | 'down'; answerId: string }
  | { kind: 'flow'; action: FlowAction }
  | { kind: 'unknown' };

export function voteActionId(vote: 'up' | 'down'): string {
  return `${VOTE_PREFIX}${vote}`;
}

/** action_ids must be unique within a message, so flow buttons are numbered; the value is what counts. */
export function flowActionId(index: number): string {
  return `${FLOW_PREFIX}${index}`;
}

export function flowValue(action: FlowAction): string {
  return encodeFlowAction(action);
}

/** Reads a clicked element. Never throws: garbage is `unknown`. */
export function parseClick(actionId: unknown, value: unknown): ClickTarget {
  if (typeof actionId !== 'string' || typeof value !== 'string' || value.length === 0) return { kind: 'unknown' };
  if (actionId === SHARE_ACTION) return { kind: 'share', shareKey: value };
  if (actionId.startsWith(VOTE_PREFIX)) {
    const vote = actionId.slice(VOTE_PREFIX.length);
    return vote === 'up' || vote === 'down' ? { kind: 'vote', vote, answerId: value } : { kind: 'unknown' };
  }
  if (actionId.startsWith(FLOW_PREFIX)) {
    let action: FlowAction | undefined;
    try {
      action = decodeFlowAction(value);
    } catch {
      action = undefined;
    }
    return action ? { kind: 'flow', action } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}
