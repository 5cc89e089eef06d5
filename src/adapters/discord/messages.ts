/**
 * Messages: a DM to the bot, or a message in a server that mentions the bot directly or replies to one
 * of its messages, is a question (read with the conversation before it: see `discordThread`).
 * A server whose settings answer privately gets the answer in a DM to the asker instead of a reply.
 * `@everyone`/role pings do not count, and bots (including this one) are ignored so two bots can never
 * talk each other into a loop.
 */
import { APOLOGY } from '../../core/messages.ts';
import type { Message } from 'discord.js';
import { answersFollowUpsIn } from '../../core/settings/schema.ts';
import { DISCORD_SETTINGS, discordThread, requesterOf, type HandlerContext } from './context.ts';
import { COLORS, renderAnswer, renderNotice } from './render.ts';
import { replyToMessage, sendPrivately } from './respond.ts';

/**
 * The question in a message meant for the bot, or undefined when the message is not for us. Discord
 * content has no markup to decode; the core strips mentions (the bot's own too) and applies the limit.
 */
export function questionFor(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.webhookId || message.system) return undefined;
  // A reply with its ping turned off does not list us in `mentions.users`, but it is still to us.
  if (message.inGuild() && !message.mentions.users.has(botId) && message.mentions.repliedUser?.id !== botId) return undefined;
  return message.content;
}

/** How long a thread the bot answered in keeps being followed without a mention (as on Slack). */
const THREAD_FOLLOW_MS = 3 * 24 * 3_600_000;
const followedKey = (threadId: string) => `discord:followed:${threadId}`;

/**
 * An un-mentioned message in a thread the bot answered in, in a channel whose server settings follow
 * threads (`/framework-admin settings follow-ups …`): the thread's parent channel decides.
 */
async function isThreadFollowUp(message: Message, context: HandlerContext): Promise<boolean> {
  if (!context.store || !message.inGuild() || !message.channel.isThread() || message.author.bot || message.webhookId || message.system) return false;
  // Most thread messages are in threads the bot never answered in: check that first, settings second.
  if (!(await context.store.getSession(followedKey(message.channelId)).catch(() => undefined))) return false;
  const settings = await context.desk.settings.get(`discord:${message.guildId}`);
  return answersFollowUpsIn(settings, message.channel.parentId ?? '', DISCORD_SETTINGS.followUpsByDefault);
}

export async function handleMessage(message: Message, context: HandlerContext): Promise<void> {
  const botId = message.client.user.id;
  const question = questionFor(message, botId) ?? ((await isThreadFollowUp(message, context)) ? message.content : undefined);
  if (question === undefined) return;
  try {
    const who = { ...requesterOf(message.author, message.channelId, message.guildId), thread: await discordThread(message, botId) };
    const answer = await context.desk.ask(question, who);
    if (answer.quiet) return; // already told to slow down in this window
    // A server can ask for private answers (`/framework-admin settings answers private`): then a DM.
    const settings = who.workspace ? await context.desk.settings.get(who.workspace) : undefined;
    if (settings?.answers === 'private') await sendPrivately(message, renderAnswer(answer));
    else {
      await replyToMessage(message, renderAnswer(answer));
      if (message.channel.isThread()) await context.store?.setSession(followedKey(message.channelId), '1', THREAD_FOLLOW_MS);
    }
  } catch (error) {
    context.logger.error({ err: error, message: message.id, channel: message.channelId }, 'Discord message handler failed');
    try {
      await replyToMessage(message, [renderNotice(APOLOGY, COLORS.failure)]);
    } catch (replyError) {
      context.logger.warn({ err: replyError, message: message.id }, 'could not tell the Discord user about the failure');
    }
  }
}
