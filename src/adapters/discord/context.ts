/** What every Discord handler needs: the Desk, a logger and who counts as an admin. */
import type { Logger } from 'pino';
import type { Desk, Requester } from '../../core/ports.ts';

export interface HandlerContext {
  desk: Desk;
  logger: Logger;
  adminUserIds: readonly string[];
}

/** Flow sessions are scoped per user and channel (DMs have their own channel id). */
export function requesterOf(user: { id: string }, channelId: string | null): Requester {
  return { platform: 'discord', userId: user.id, conversation: channelId ?? `dm:${user.id}` };
}
