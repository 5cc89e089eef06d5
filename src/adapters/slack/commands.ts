/**
 * Slash commands. Each acks at once (Slack's 3-second rule) and replies through `response_url`, which
 * works in any channel without the bot being a member:
 * - `/framework-ask <question>` → a private answer with "Share in channel";
 * - `/choose-framework [goal:research target:browser]` → the questionnaire, one private message that
 *   button clicks replace in place;
 * - `/framework-desk reload|report|settings …` (and its older name `/framework-admin`) → admins of the
 *   workspace only (SLACK_ADMIN_USER_IDS, or whoever installed the app there); others get a polite no,
 *   logged. The report and the settings are this workspace's own.
 */
import type { App, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseFlowPreset } from '../../core/flow/preset.ts';
import type { SlackMessage } from './block-limits.ts';
import { APOLOGY } from '../../core/messages.ts';
import { runSettingsCommand, type SettingsPlatform } from '../../core/settings/settings-command.ts';
import { isWorkspaceAdmin, requesterOf, settingsScope, workspaceOf, type HandlerContext } from './context.ts';
import { questionFromSlackText } from './incoming-text.ts';
import { notice, renderAnswer } from './render.ts';
import { renderReload, renderReport } from './render-admin.ts';
import { renderFlowStep } from './render-flow.ts';
import { saveShare } from './share.ts';

export const COMMANDS = { ask: '/framework-ask', choose: '/choose-framework', admin: '/framework-admin', desk: '/framework-desk' } as const;

/**
 * Settings on Slack: channel references in command text (`should_escape: true` makes Slack send
 * `<#C123|name>`), and thread follow-ups answered everywhere unless a workspace chooses otherwise.
 */
export const SLACK_SETTINGS: SettingsPlatform = {
  followUpsByDefault: 'all',
  parse: (word) => /^<#([CG][A-Z0-9]{2,20})(?:\|[^>]*)?>$/.exec(word)?.[1] ?? (/^[CG][A-Z0-9]{6,20}$/.test(word) ? word : undefined),
  // Replies are escaped mrkdwn (notice()), so a channel shows as its id rather than a link.
  show: (id) => `#${id}`,
};
/** Entries in the admin usage report. */
const REPORT_LIMIT = 10;

/** Sends each message privately to whoever ran the command (or clicked). */
export async function respondPrivately(respond: RespondFn, messages: SlackMessage[], replaceOriginal = false): Promise<void> {
  for (const [i, m] of messages.entries()) {
    await respond({ response_type: 'ephemeral', replace_original: replaceOriginal && i === 0, text: m.text, blocks: m.blocks });
  }
}

export function registerCommands(app: App, ctx: HandlerContext): void {
  app.command(COMMANDS.ask, async ({ command, ack, respond }) => {
    await ack();
    const question = questionFromSlackText(command.text);
    try {
      if (!question) {
        await respondPrivately(respond, [
          notice(`Ask me anything about ${ctx.desk.status().frameworks.join(' vs ')}, e.g. \`${COMMANDS.ask} which is easier to deploy on mobile?\``),
        ]);
        return;
      }
      const answer = await ctx.desk.ask(question, requesterOf(command.user_id, command.channel_id, workspaceOf(ctx, command.team_id)));
      const shareKey = answer.answered ? await saveShare(ctx, { kind: 'answer', answer }) : undefined;
      await respondPrivately(respond, renderAnswer(answer, { showQuestion: true, ...(shareKey && { shareKey }) }));
    } catch (error) {
      ctx.logger.error({ err: error, command: COMMANDS.ask, user: command.user_id }, 'Slack /framework-ask failed');
      await respondPrivately(respond, [notice(APOLOGY)]).catch(() => undefined);
    }
  });

  app.command(COMMANDS.choose, async ({ command, ack, respond }) => {
    await ack();
    try {
      const { answers: preset, errors } = parseFlowPreset(questionFromSlackText(command.text));
      if (errors.length > 0) {
        const usage = `I could not use that: ${errors.join('; ')}. Run \`${COMMANDS.choose}\` on its own, or preset answers like \`${COMMANDS.choose} goal:research target:browser\`.`;
        await respondPrivately(respond, [notice(usage)]);
        return;
      }
      const step = await ctx.desk.flow(requesterOf(command.user_id, command.channel_id), { type: 'start', ...(Object.keys(preset).length > 0 && { preset }) });
      const shareKey = step.kind === 'result' ? await saveShare(ctx, { kind: 'flow', step }) : undefined;
      await respondPrivately(respond, renderFlowStep(step, shareKey ? { shareKey } : {}));
    } catch (error) {
      ctx.logger.error({ err: error, command: COMMANDS.choose, user: command.user_id }, 'Slack /choose-framework failed');
      await respondPrivately(respond, [notice(APOLOGY)]).catch(() => undefined);
    }
  });

  const admin = async ({ command, ack, respond }: SlackCommandMiddlewareArgs) => {
    await ack();
    const [word = '', ...rest] = command.text.trim().split(/\s+/);
    const sub = word.toLowerCase();
    const enterprise = command.enterprise_id || undefined;
    if (!(await isWorkspaceAdmin(ctx, command.user_id, command.team_id, enterprise))) {
      ctx.logger.warn({ user: command.user_id, team: command.team_id, subcommand: sub.slice(0, 40) }, 'Slack admin command refused: not an admin of this workspace');
      await respondPrivately(respond, [notice('Sorry, only Framework Desk admins of this workspace can run that (whoever installed it here, or the operators).')]).catch(
        () => undefined,
      );
      return;
    }
    try {
      if (sub === 'reload') {
        const result = await ctx.desk.reload(`slack:${command.user_id}`);
        await respondPrivately(respond, renderReload(result));
      } else if (sub === 'report') {
        await respondPrivately(respond, renderReport(await ctx.desk.report(REPORT_LIMIT, workspaceOf(ctx, command.team_id))));
      } else if (sub === 'settings') {
        const reply = await runSettingsCommand(ctx.desk.settings, settingsScope(command.team_id), rest.join(' '), `${command.command} settings`, SLACK_SETTINGS);
        await respondPrivately(respond, [notice(reply)]);
      } else {
        await respondPrivately(respond, [
          notice(
            `Usage: \`${command.command} reload\` (reload the knowledge base), \`${command.command} report\` (unanswered and down-voted questions) or \`${command.command} settings\` (how this workspace is answered).`,
          ),
        ]);
      }
    } catch (error) {
      ctx.logger.error({ err: error, command: command.command, subcommand: sub }, 'Slack admin command failed');
      await respondPrivately(respond, [notice(APOLOGY)]).catch(() => undefined);
    }
  };
  app.command(COMMANDS.admin, admin);
  app.command(COMMANDS.desk, admin);
}
