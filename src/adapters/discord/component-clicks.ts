/**
 * Button and select clicks: flow steps update their message in place, 👍/👎 are recorded, Share posts
 * an ephemeral reply to the channel. Clicks we can no longer act on (stale questionnaire, a button from
 * an older deployment) get a friendly message with a way to start again, never an error.
 */
import { feedbackReply } from '../../core/messages.ts';
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIComponentInMessageActionRow, type MessageComponentInteraction } from 'discord.js';
import type { FlowAction } from '../../core/flow/types.ts';
import { decodeFlow, flowId, keepsOnShare, parseCustomId } from './custom-ids.ts';
import { requesterOf, type HandlerContext } from './context.ts';
import { NO_MENTIONS } from './escape.ts';
import { renderFlowStep } from './render-flow.ts';
import { COLORS, button, renderNotice, row } from './render.ts';
import { sendReply, updateMessage, withinDeadline } from './respond.ts';

const STALE_TEXT = 'That button belongs to a message I can no longer act on (it may be from before a restart or update).';

async function runFlow(interaction: MessageComponentInteraction, action: FlowAction, context: HandlerContext): Promise<void> {
  const owner = interaction.message.interactionMetadata?.user.id;
  if (owner && owner !== interaction.user.id) {
    const text = 'This questionnaire belongs to someone else — run `/choose-framework` to start your own.';
    await sendReply(interaction, [renderNotice(text)], true);
    return;
  }
  const who = requesterOf(interaction.user, interaction.channelId);
  const step = await withinDeadline(context.desk.flow(who, action), () => interaction.deferUpdate());
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  await updateMessage(interaction, renderFlowStep(step, { shareable: ephemeral }));
}

async function vote(interaction: MessageComponentInteraction, direction: 'up' | 'down', answerId: string, context: HandlerContext): Promise<void> {
  const who = requesterOf(interaction.user, interaction.channelId);
  const outcome = await context.desk.recordFeedback(answerId, direction, who);
  await sendReply(interaction, [renderNotice(feedbackReply(outcome, direction), outcome === 'recorded' ? COLORS.success : COLORS.declined)], true);
}

/** Posts a copy of the (ephemeral) message for everyone, keeping only the 👍/👎 buttons. */
async function share(interaction: MessageComponentInteraction): Promise<void> {
  const components = interaction.message.components
    .map((component) => component.toJSON())
    .filter((component): component is APIActionRowComponent<APIComponentInMessageActionRow> => component.type === ComponentType.ActionRow)
    .map((actionRow) => ({ ...actionRow, components: actionRow.components.filter((c) => 'custom_id' in c && keepsOnShare(c.custom_id)) }))
    .filter((actionRow) => actionRow.components.length > 0);
  await interaction.reply({
    content: `Shared by <@${interaction.user.id}>`,
    embeds: interaction.message.embeds.map((embed) => embed.toJSON()),
    components,
    allowedMentions: NO_MENTIONS,
  });
}

export async function handleComponent(interaction: MessageComponentInteraction, context: HandlerContext): Promise<void> {
  const target = parseCustomId(interaction.customId);
  let action: FlowAction | undefined;
  if (target.kind === 'pick' && interaction.isStringSelectMenu()) action = decodeFlow(interaction.values[0]);
  else if (target.kind === 'flow') action = target.action;
  if (action) return runFlow(interaction, action, context);
  if (target.kind === 'vote') return vote(interaction, target.vote, target.answerId, context);
  if (target.kind === 'share') return share(interaction);
  context.logger.info({ customId: interaction.customId }, 'Discord click on an unknown or stale component');
  const restart = row(button(flowId({ type: 'restart' }), 'Start a new questionnaire', ButtonStyle.Primary, '🔄'));
  await sendReply(interaction, [renderNotice(`${STALE_TEXT} Ask again with \`/ask\`, or start over:`, COLORS.declined, [restart])], true);
}
