/** What every Discord handler needs: the Desk, a logger, who counts as an admin, and the store. */
import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { Desk, Requester, Store, ThreadRef } from '../../core/ports.ts';
import type { SettingsPlatform } from '../../core/settings/settings-command.ts';

export interface HandlerContext {
  desk: Desk;
  logger: Logger;
  adminUserIds: readonly string[];
  /** Remembers the threads the bot answered in (for un-mentioned follow-ups); without it, none are followed. */
  store?: Store;
}

/**
 * Settings on Discord: channel mentions (`<#123…>`, or a bare id) shown as channel links, and no
 * un-mentioned thread follow-ups unless a server asks for them (only mentions and replies, as before).
 */
export const DISCORD_SETTINGS: SettingsPlatform = {
  followUpsByDefault: 'none',
  parse: (word) => /^<#(\d{5,25})>$/.exec(word)?.[1] ?? (/^\d{5,25}$/.test(word) ? word : undefined),
  show: (id) => `<#${id}>`,
};

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
