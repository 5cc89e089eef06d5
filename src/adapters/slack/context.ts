/** What every Slack handler needs: the Desk, the store (dedupe, shares, threads), a logger and the admins. */
import type { Logger } from 'pino';
import type { Desk, Requester, Store } from '../../core/ports.ts';

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
