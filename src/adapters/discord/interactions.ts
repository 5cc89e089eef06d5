/**
 * Entry point for every INTERACTION_CREATE: routes to the slash command, autocomplete or component
 * handler, and turns any failure into a logged error plus a short apology to the user — a broken
 * handler must never crash the process or leave the user staring at "The application did not respond".
 */
import type { Interaction } from 'discord.js';
import { handleComponent } from './component-clicks.ts';
import type { HandlerContext } from './context.ts';
import { COLORS, renderNotice } from './render.ts';
import { sendReply } from './respond.ts';
import { handleAutocomplete, handleChatInput } from './slash-commands.ts';

const APOLOGY = 'Sorry — something went wrong on my side while handling that. Please try again in a moment.';

export async function handleInteraction(interaction: Interaction, context: HandlerContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await handleAutocomplete(interaction, context);
    else if (interaction.isChatInputCommand()) await handleChatInput(interaction, context);
    else if (interaction.isMessageComponent()) await handleComponent(interaction, context);
  } catch (error) {
    context.logger.error(
      { err: error, interaction: interaction.id, type: interaction.type, user: interaction.user.id },
      'Discord interaction handler failed',
    );
    await apologise(interaction, context);
  }
}

async function apologise(interaction: Interaction, context: HandlerContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isMessageComponent()) return;
    const notice = renderNotice(APOLOGY, COLORS.failure);
    // After a deferral the apology replaces the "thinking…" placeholder; after a reply it follows it.
    if (interaction.deferred && !interaction.replied) await sendReply(interaction, [notice], true);
    else if (interaction.replied) await interaction.followUp({ embeds: notice.embeds, flags: 64, allowedMentions: { parse: [] } });
    else await sendReply(interaction, [notice], true);
  } catch (error) {
    // The interaction token may have expired (15 min) or Discord is unreachable; nothing more to do.
    context.logger.warn({ err: error, interaction: interaction.id }, 'could not tell the Discord user about the failure');
  }
}
