/**
 * Button clicks (block_actions): flow buttons advance the questionnaire and replace its message in place;
 * 👍/👎 are recorded once per person and thanked privately; "Share in channel" posts the private reply
 * publicly and removes the private copy. One listener acks every click first, then works.
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { parseClick, type ClickTarget } from './action-ids.ts';
import type { SlackMessage } from './block-limits.ts';
import { respondPrivately } from './commands.ts';
import { APOLOGY, feedbackReply } from '../../core/messages.ts';
import { requesterOf, type HandlerContext } from './context.ts';
import { escapeMrkdwn } from './escape.ts';
import { notice, renderAnswer } from './render.ts';
import { renderFlowStep } from './render-flow.ts';
import { loadShare, saveShare } from './share.ts';

interface Click {
  userId: string;
  userName: string;
  channelId: string | undefined;
  /** Flow messages are private; a click on a *shared* (public) one must not replace it for everyone. */
  ephemeral: boolean;
  respond: RespondFn;
}

async function onFlow(ctx: HandlerContext, click: Click, target: Extract<ClickTarget, { kind: 'flow' }>) {
  const step = await ctx.desk.flow(requesterOf(click.userId, click.channelId), target.action);
  const shareKey = step.kind === 'result' ? await saveShare(ctx, { kind: 'flow', step }) : undefined;
  await respondPrivately(click.respond, renderFlowStep(step, shareKey ? { shareKey } : {}), click.ephemeral);
}

async function onVote(ctx: HandlerContext, click: Click, target: Extract<ClickTarget, { kind: 'vote' }>) {
  if (!/^[\w-]{1,64}$/.test(target.answerId)) return respondPrivately(click.respond, [notice('That answer can no longer be rated.')]);
  const outcome = await ctx.desk.recordFeedback(target.answerId, target.vote, requesterOf(click.userId, click.channelId));
  await respondPrivately(click.respond, [notice(feedbackReply(outcome, target.vote))]);
}

async function onShare(ctx: HandlerContext, click: Click, shareKey: string) {
  const item = await loadShare(ctx, shareKey);
  if (!item) return respondPrivately(click.respond, [notice('This can no longer be shared (it is more than a day old). Ask again and share the new reply.')]);
  const messages: SlackMessage[] = item.kind === 'answer' ? renderAnswer(item.answer, { showQuestion: true }) : renderFlowStep(item.step);
  const byline: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${escapeMrkdwn(click.userName)}` }] };
  for (const [i, m] of messages.entries()) {
    // The byline is one more block: only the first part gets it, and only if it still fits in 50.
    const blocks = i === 0 && m.blocks.length < 50 ? [byline, ...m.blocks] : m.blocks;
    await click.respond({ response_type: 'in_channel', replace_original: false, text: m.text, blocks });
  }
  await click.respond({ delete_original: true });
}

export function registerActions(app: App, ctx: HandlerContext): void {
  app.action({ type: 'block_actions' }, async ({ ack, body, action, respond }) => {
    await ack();
    const b = body as BlockAction;
    const userId = b.user?.id;
    if (!userId) return;
    const click: Click = {
      userId,
      userName: b.user.name ?? b.user.username ?? 'a teammate',
      channelId: b.channel?.id ?? (b.container as { channel_id?: string } | undefined)?.channel_id,
      ephemeral: (b.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true,
      respond,
    };
    const { action_id, value } = action as { action_id?: unknown; value?: unknown };
    const target = parseClick(action_id, value);
    try {
      if (target.kind === 'flow') await onFlow(ctx, click, target);
      else if (target.kind === 'vote') await onVote(ctx, click, target);
      else if (target.kind === 'share') await onShare(ctx, click, target.shareKey);
      else await respondPrivately(respond, [notice('That button has expired. Run `/choose-framework` or ask again to get fresh ones.')]);
    } catch (error) {
      ctx.logger.error({ err: error, user: userId, actionId: action_id }, 'Slack button click failed');
      await respondPrivately(respond, [notice(APOLOGY)]).catch(() => undefined);
    }
  });
}
