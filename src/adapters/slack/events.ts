/**
 * Events API: `app_mention` → answer in the mention's thread; `message.im` → answer in the DM; a plain
 * reply in a thread the bot answered → answer there. Bots (ourselves included) are ignored. Bolt acks
 * events before any listener runs, so all of this happens after Slack has its 200.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Answer } from '../../core/answer/types.ts';
import { APOLOGY, requesterOf, type HandlerContext } from './context.ts';
import { claimOnce, eventKey, messageKey } from './dedupe.ts';
import { questionFromSlackText } from './incoming-text.ts';
import { notice, renderAnswer } from './render.ts';
import type { SlackMessage } from './block-limits.ts';

/** How long a thread the bot answered keeps being followed without a new mention. */
const THREAD_FOLLOW_MS = 3 * 24 * 3_600_000;
/** Message subtypes that are still a person talking (everything else: edits, joins, bots… is ignored). */
const HUMAN_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** The fields we read; Slack sends many more. Every one is checked, since payloads can be malformed. */
interface MessageLike {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  bot_id?: unknown;
  text?: unknown;
  channel?: unknown;
  channel_type?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const threadKey = (channel: string, threadTs: string) => `thread:${channel}:${threadTs}`;

export async function postMessages(client: WebClient, channel: string, threadTs: string | undefined, messages: SlackMessage[]): Promise<void> {
  for (const message of messages) {
    await client.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks.length > 0 && { blocks: message.blocks }),
      ...(threadTs && { thread_ts: threadTs }),
      // Citations link to articles; a preview card per link would bury the answer.
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

async function answer(ctx: HandlerContext, client: WebClient, m: { user: string; channel: string; ts: string; text: unknown }, threadTs: string | undefined, botUserId: string | undefined): Promise<void> {
  if (!(await claimOnce(ctx.store, ctx.logger, messageKey(m.channel, m.ts)))) return;
  let reply: Answer | undefined;
  try {
    reply = await ctx.desk.ask(questionFromSlackText(m.text, botUserId), requesterOf(m.user, m.channel));
    await postMessages(client, m.channel, threadTs, renderAnswer(reply));
    if (threadTs) await ctx.store.setSession(`slack:${threadKey(m.channel, threadTs)}`, '1', THREAD_FOLLOW_MS);
  } catch (error) {
    ctx.logger.error({ err: error, channel: m.channel, ts: m.ts, answered: reply?.answered }, 'Slack answer failed');
    await postMessages(client, m.channel, threadTs, [notice(APOLOGY)]).catch((e: unknown) => ctx.logger.error({ err: e }, 'Slack apology failed too'));
  }
}

function fromPerson(event: MessageLike, botUserId: string | undefined) {
  const user = str(event.user);
  const channel = str(event.channel);
  const ts = str(event.ts);
  if (!user || !channel || !ts || event.bot_id || user === botUserId) return undefined;
  if (!HUMAN_SUBTYPES.has(event.subtype as string | undefined)) return undefined;
  return { user, channel, ts, text: event.text, threadTs: str(event.thread_ts) };
}

export function registerEvents(app: App, ctx: HandlerContext): void {
  // Retries of a delivery share its event_id; the first one wins, across replicas.
  app.use(async ({ body, next }) => {
    const eventId = (body as { type?: unknown; event_id?: unknown }).type === 'event_callback' ? str((body as { event_id?: unknown }).event_id) : undefined;
    if (eventId && !(await claimOnce(ctx.store, ctx.logger, eventKey(eventId)))) {
      ctx.logger.debug({ eventId }, 'Slack duplicate event ignored');
      return;
    }
    await next();
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const m = fromPerson(event as MessageLike, context.botUserId);
    if (!m) return;
    await answer(ctx, client, m, m.threadTs ?? m.ts, context.botUserId);
  });

  app.event('message', async ({ event, client, context }) => {
    const raw = event as MessageLike;
    const m = fromPerson(raw, context.botUserId);
    if (!m) return;
    if (raw.channel_type === 'im') {
      await answer(ctx, client, m, m.threadTs, context.botUserId);
      return;
    }
    // A thread reply that mentions us arrives as app_mention too; let that one answer.
    if (!m.threadTs || m.threadTs === m.ts) return;
    if (context.botUserId && typeof m.text === 'string' && m.text.includes(`<@${context.botUserId}>`)) return;
    const followed = await ctx.store.getSession(`slack:${threadKey(m.channel, m.threadTs)}`).catch(() => undefined);
    if (followed) await answer(ctx, client, m, m.threadTs, context.botUserId);
  });
}
