/**
 * Events API: `app_mention` → answer in the mention's thread (or, when the workspace's settings say
 * private, an ephemeral answer only the asker sees); `message.im` → answer in the DM; a plain reply in a
 * thread the bot answered → answer there, in the channels the workspace's settings allow. Bots
 * (ourselves included) are ignored. Bolt acks events before any listener runs, so all of this happens
 * after Slack has its 200.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Answer } from '../../core/answer/types.ts';
import { APOLOGY } from '../../core/messages.ts';
import { answersFollowUpsIn } from '../../core/settings/schema.ts';
import { requesterOf, settingsScope, slackThread, workspaceOf, type HandlerContext } from './context.ts';
import { SLACK_SETTINGS } from './commands.ts';
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

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const threadKey = (channel: string, threadTs: string) => `thread:${channel}:${threadTs}`;

/**
 * Posts in the channel (thread), or — with `privatelyTo` — as ephemeral messages only that user sees.
 * The blocks go to the WebClient as the JSON text it would form-encode anyway (the wire is the same):
 * handed the array, it also copies and stringifies the whole tree for a debug line, debug on or off
 * (`makeRequest` in @slack/web-api's WebClient.js), ~25 µs an answer (docs/benchmarks.md).
 */
async function postMessages(client: WebClient, channel: string, threadTs: string | undefined, messages: SlackMessage[], privatelyTo?: string): Promise<void> {
  for (const message of messages) {
    const blocks = message.blocks.length > 0 ? { blocks: JSON.stringify(message.blocks) } : undefined;
    if (privatelyTo) {
      await client.apiCall('chat.postEphemeral', { channel, user: privatelyTo, text: message.text, ...blocks, ...(threadTs && { thread_ts: threadTs }) });
      continue;
    }
    await client.apiCall('chat.postMessage', {
      channel,
      text: message.text,
      ...blocks,
      ...(threadTs && { thread_ts: threadTs }),
      // Citations link to articles; a preview card per link would bury the answer.
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

interface Incoming {
  user: string;
  channel: string;
  ts: string;
  text: unknown;
  /** The delivery's event_id (the same on every retry of it). */
  eventId: string | undefined;
  /** The workspace (team_id of the delivery), part of the conversation's identity. */
  team: string | undefined;
}

/**
 * Claims the delivery (retries share its event_id) and then the message (one message can arrive as two
 * events); only events we are about to answer touch the store, not every message in every channel.
 */
async function firstTime(ctx: HandlerContext, m: Incoming): Promise<boolean> {
  if (m.eventId && !(await claimOnce(ctx.store, ctx.logger, eventKey(m.eventId)))) {
    ctx.logger.debug({ eventId: m.eventId }, 'Slack retry of an event already taken; ignored');
    return false;
  }
  return claimOnce(ctx.store, ctx.logger, messageKey(m.channel, m.ts));
}

/**
 * Answers `m` in `threadTs` (undefined: top level). Follow-ups belong to the thread `conversationTs`, or
 * to the whole channel when it is undefined (a DM).
 */
async function answer(ctx: HandlerContext, client: WebClient, m: Incoming, threadTs: string | undefined, conversationTs: string | undefined, privately = false): Promise<void> {
  if (!(await firstTime(ctx, m))) return;
  let reply: Answer | undefined;
  const privatelyTo = privately ? m.user : undefined;
  try {
    const who = { ...requesterOf(m.user, m.channel, workspaceOf(ctx, m.team)), thread: slackThread(m.team, m.channel, conversationTs) };
    reply = await ctx.desk.ask(questionFromSlackText(m.text), who);
    if (reply.quiet) return; // already told to slow down in this window
    await postMessages(client, m.channel, threadTs, renderAnswer(reply), privatelyTo);
    // An ephemeral answer starts no visible thread, so there is nothing to follow.
    if (threadTs && !privatelyTo) await ctx.store.setSession(`slack:${threadKey(m.channel, threadTs)}`, '1', THREAD_FOLLOW_MS);
  } catch (error) {
    ctx.logger.error({ err: error, channel: m.channel, ts: m.ts, answered: reply?.answered }, 'Slack answer failed');
    await postMessages(client, m.channel, threadTs, [notice(APOLOGY)], privatelyTo).catch((e: unknown) => ctx.logger.error({ err: e }, 'Slack apology failed too'));
  }
}

function fromPerson(event: MessageLike, body: unknown, botUserId: string | undefined): (Incoming & { threadTs: string | undefined }) | undefined {
  const user = str(event.user);
  const channel = str(event.channel);
  const ts = str(event.ts);
  if (!user || !channel || !ts || event.bot_id || user === botUserId) return undefined;
  if (!HUMAN_SUBTYPES.has(str(event.subtype))) return undefined;
  const envelope = body as { event_id?: unknown; team_id?: unknown };
  return { user, channel, ts, text: event.text, threadTs: str(event.thread_ts), eventId: str(envelope.event_id), team: str(envelope.team_id) };
}

export function registerEvents(app: App, ctx: HandlerContext): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const m = fromPerson(event as MessageLike, body, context.botUserId);
    if (!m) return;
    const settings = await ctx.desk.settings.get(settingsScope(m.team));
    await answer(ctx, client, m, m.threadTs ?? m.ts, m.threadTs ?? m.ts, settings.answers === 'private');
  });

  app.event('message', async ({ event, body, client, context }) => {
    const raw = event as MessageLike;
    const m = fromPerson(raw, body, context.botUserId);
    if (!m) return;
    if (raw.channel_type === 'im') {
      // The whole DM is one conversation, threads in it included.
      await answer(ctx, client, m, m.threadTs, undefined);
      return;
    }
    // A thread reply that mentions us arrives as app_mention too; let that one answer.
    if (!m.threadTs || m.threadTs === m.ts) return;
    if (context.botUserId && typeof m.text === 'string' && m.text.includes(`<@${context.botUserId}>`)) return;
    const followed = await ctx.store.getSession(`slack:${threadKey(m.channel, m.threadTs)}`).catch(() => undefined);
    if (!followed || !answersFollowUpsIn(await ctx.desk.settings.get(settingsScope(m.team)), m.channel, SLACK_SETTINGS.followUpsByDefault)) return;
    await answer(ctx, client, m, m.threadTs, m.threadTs);
  });
}
