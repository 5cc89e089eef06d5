/** What every Slack handler needs: the Desk, the store (dedupe, shares, threads), a logger and the admins. */
import type { Logger } from 'pino';
import type { Desk, Requester, Store, ThreadRef } from '../../core/ports.ts';

export interface HandlerContext {
  desk: Desk;
  store: Store;
  logger: Logger;
  adminUserIds: readonly string[];
}

/** Flow sessions are scoped per user and channel (a DM is a channel too). */
export function requesterOf(userId: string, channelId: string | undefined): Requester {
  return { platform: 'slack', userId, conversation: channelId ?? `dm:${userId}` };
}

/**
 * The conversation a message belongs to, for follow-ups: its thread (team + channel + thread_ts), or the
 * whole DM when it is not in a thread.
 */
export function slackThread(team: string | undefined, channel: string, threadTs: string | undefined): ThreadRef {
  return { key: `slack:${team ?? '-'}:${channel}${threadTs ? `:${threadTs}` : ''}` };
}
