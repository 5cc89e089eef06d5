/** What every Discord handler needs: the Desk, a logger and who counts as an admin. */
import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { Desk, Requester, ThreadRef } from '../../core/ports.ts';

export interface HandlerContext {
  desk: Desk;
  logger: Logger;
  adminUserIds: readonly string[];
}

/** A server's scope for its report, feedback, rate limits and settings; DMs have none (deployment-wide). */
export function guildWorkspace(guildId: string | null | undefined): string | undefined {
  return guildId ? `discord:${guildId}` : undefined;
}

/** Flow sessions are scoped per user and channel (DMs have their own channel id); questions per server. */
export function requesterOf(user: { id: string }, channelId: string | null, guildId?: string | null): Requester {
  const workspace = guildWorkspace(guildId);
  return { platform: 'discord', userId: user.id, conversation: channelId ?? `dm:${user.id}`, ...(workspace && { workspace }) };
}

/**
 * The conversation a message belongs to, for follow-ups. A DM or a thread is one conversation. In a
 * channel every mention starts its own, and a reply to one of our answers continues the question that
 * answer replied to (read from the answer's own reference, so any replica can follow the chain).
 */
export async function discordThread(message: Message, botId: string): Promise<ThreadRef> {
  if (!message.inGuild() || message.channel.isThread()) return { key: `discord:${message.channelId}` };
  const key = `discord:${message.channelId}:${message.id}`;
  if (!message.reference?.messageId || message.mentions.repliedUser?.id !== botId) return { key };
  // Not cached (the client keeps no messages), so this is one REST read; if it fails the reply stands alone.
  const answer = await message.fetchReference().catch(() => undefined);
  const asked = answer?.author.id === botId ? answer.reference?.messageId : undefined;
  return asked ? { key, continues: `discord:${message.channelId}:${asked}` } : { key };
}
