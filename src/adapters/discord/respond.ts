/**
 * Every way the adapter posts to Discord goes through here, so `allowed_mentions` is set on every
 * send, reply, edit and interaction response without each handler having to remember it. Multi-message
 * renders go out as first message + follow-ups.
 */
import { MessageFlags, type ChatInputCommandInteraction, type Message, type MessageComponentInteraction } from 'discord.js';
import { NO_MENTIONS } from './escape.ts';
import type { DiscordMessage } from './render.ts';

/** Discord drops an interaction not acknowledged within 3 s; defer well before that. */
const DEFER_AFTER_MS = 1_500;

function payload(message: DiscordMessage) {
  return { ...(message.content && { content: message.content }), embeds: message.embeds, components: message.components, allowedMentions: NO_MENTIONS };
}

/** Replies to a user's message (mention or DM); extra messages follow in the same channel. */
export async function replyToMessage(message: Message, rendered: DiscordMessage[]): Promise<void> {
  const [first, ...rest] = rendered;
  if (!first) return;
  // If the question was deleted meanwhile, still answer (without the reply reference) rather than fail.
  await message.reply({ ...payload(first), failIfNotExists: false });
  for (const next of rest) {
    if (message.channel.isSendable()) await message.channel.send(payload(next));
  }
}

/** Sends the messages to the author in a DM (a server whose settings answer privately). */
export async function sendPrivately(message: Message, rendered: DiscordMessage[]): Promise<void> {
  for (const next of rendered) await message.author.send(payload(next));
}

/**
 * Answers a slash command or component click with new message(s): the first as the interaction
 * response (or an edit of the deferred one), the rest as follow-ups with the same visibility.
 */
export async function sendReply(interaction: ChatInputCommandInteraction | MessageComponentInteraction, rendered: DiscordMessage[], ephemeral: boolean): Promise<void> {
  const [first, ...rest] = rendered;
  if (!first) return;
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred) await interaction.editReply(payload(first));
  else if (interaction.replied) await interaction.followUp({ ...payload(first), ...(flags && { flags }) });
  else await interaction.reply({ ...payload(first), ...(flags && { flags }) });
  for (const next of rest) await interaction.followUp({ ...payload(next), ...(flags && { flags }) });
}

/** Replaces the clicked message in place (flow steps); extra messages become follow-ups. */
export async function updateMessage(interaction: MessageComponentInteraction, rendered: DiscordMessage[]): Promise<void> {
  const [first, ...rest] = rendered;
  if (!first) return;
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  if (interaction.deferred || interaction.replied) await interaction.editReply(payload(first));
  else await interaction.update(payload(first));
  for (const next of rest) await interaction.followUp({ ...payload(next), ...(ephemeral && { flags: MessageFlags.Ephemeral as const }) });
}

/**
 * Runs `work`; if it has not finished after `afterMs`, acknowledges the interaction with `defer` first
 * so Discord does not time it out, then returns the result for the caller to edit in.
 */
export async function withinDeadline<T>(work: Promise<T>, defer: () => Promise<unknown>, afterMs = DEFER_AFTER_MS): Promise<T> {
  // Observed below; this only keeps a late rejection from being reported as unhandled meanwhile.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), afterMs);
  });
  try {
    const first = await Promise.race([work.then(() => 'done' as const), slow]);
    if (first === 'slow') await defer();
    return await work;
  } finally {
    clearTimeout(timer);
  }
}
