/**
 * Inbound Slack payloads built from Slack's own SDK fixtures (../shared/specs/slack/java-slack-sdk-samples),
 * so field names and nesting are Slack's. The fixtures hold placeholder values ("" / 123) for every
 * optional field; a real human message has no `bot_id`, `subtype`, `edited`…, so those are removed and
 * the rest filled with realistic ids.
 */
import { readFileSync } from 'node:fs';
import { BOT_USER_ID, TEAM_ID } from './standin.ts';
import { sharedSpecPath } from '../support/shared-specs.ts';

const SAMPLES = 'slack/java-slack-sdk-samples';
const raw = new Map<string, string>();
/** A fresh copy of a fixture (read once; the benchmark builds thousands of payloads). */
function sample(name: string): Record<string, unknown> {
  let text = raw.get(name);
  if (text === undefined) raw.set(name, (text = readFileSync(sharedSpecPath(`${SAMPLES}/${name}`), 'utf8')));
  return JSON.parse(text) as Record<string, unknown>;
}

export const USER = 'U0USER0001';
export const ADMIN = 'U0ADMIN001';
export const CHANNEL = 'C0CHANNEL1';
export const DM_CHANNEL = 'D0DIRECT01';

/** Fields a human-written message does not carry (the fixtures fill them with ""). */
const NOT_ON_HUMAN_MESSAGES = [
  'bot_id',
  'bot_profile',
  'subtype',
  'edited',
  'app_id',
  'username',
  'thread_ts',
  'parent_user_id',
  'attachments',
  'metadata',
  'upload',
  'display_as_bot',
  'blocks',
  'user_profile',
  'files',
];

let counter = 0;
export function nextTs(): string {
  counter += 1;
  return `${1_700_000_000 + counter}.${String(counter).padStart(6, '0')}`;
}

function envelope(file: string, event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  const body = sample(file);
  const base = body.event as Record<string, unknown>;
  for (const key of NOT_ON_HUMAN_MESSAGES) delete base[key];
  return {
    ...body,
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0APP',
    type: 'event_callback',
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    enterprise_id: undefined,
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event_context: `ctx-${eventId}`,
    event: { ...base, team: TEAM_ID, user_team: TEAM_ID, source_team: TEAM_ID, client_msg_id: `cm-${eventId}`, ...event },
  };
}

export interface MessageSpec {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  /** Extra/overriding event fields (e.g. `bot_id` for a bot's message). */
  extra?: Record<string, unknown>;
}

export function appMention(spec: MessageSpec): Record<string, unknown> {
  const ts = spec.ts ?? nextTs();
  return envelope(
    'AppMentionPayload.json',
    {
      type: 'app_mention',
      user: spec.user ?? USER,
      text: `<@${BOT_USER_ID}> ${spec.text}`,
      ts,
      event_ts: ts,
      channel: spec.channel ?? CHANNEL,
      ...(spec.threadTs && { thread_ts: spec.threadTs }),
      ...spec.extra,
    },
    spec.eventId ?? `Ev${ts.replace('.', '')}`,
  );
}

export function message(spec: MessageSpec & { channelType: 'im' | 'channel' }): Record<string, unknown> {
  const ts = spec.ts ?? nextTs();
  return envelope(
    'MessagePayload.json',
    {
      type: 'message',
      user: spec.user ?? USER,
      text: spec.text,
      ts,
      event_ts: ts,
      channel: spec.channel ?? (spec.channelType === 'im' ? DM_CHANNEL : CHANNEL),
      channel_type: spec.channelType,
      ...(spec.threadTs && { thread_ts: spec.threadTs, parent_user_id: BOT_USER_ID }),
      ...spec.extra,
    },
    spec.eventId ?? `Ev${ts.replace('.', '')}m`,
  );
}

/** A slash command body (form fields), as Slack posts it. */
export function slashCommand(command: string, text: string, responseUrl: string, user = USER, channel = CHANNEL): Record<string, string> {
  const body = sample('SlashCommandPayload.json') as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries({
    ...body,
    team_id: TEAM_ID,
    team_domain: 'standin',
    enterprise_id: '',
    enterprise_name: '',
    api_app_id: 'A0APP',
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: `name-${user}`,
    command,
    text,
    response_url: responseUrl,
    trigger_id: `trig-${nextTs()}`,
    token: 'legacy',
  })) {
    fields[k] = String(v);
  }
  return fields;
}

/** A block_actions payload for one clicked button. */
export function blockAction(
  action: { action_id: string; value: string },
  opts: { responseUrl: string; user?: string; channel?: string; ephemeral?: boolean },
): Record<string, unknown> {
  const body = sample('BlockActionPayload.json');
  const user = opts.user ?? USER;
  const channel = opts.channel ?? CHANNEL;
  const ts = nextTs();
  return {
    ...body,
    type: 'block_actions',
    enterprise: null,
    team: { id: TEAM_ID, domain: 'standin' },
    user: { id: user, username: `name-${user}`, name: `name-${user}`, team_id: TEAM_ID },
    api_app_id: 'A0APP',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: opts.ephemeral ?? true },
    channel: { id: channel, name: 'general' },
    // Slack omits `message` for ephemeral messages.
    message: opts.ephemeral === false ? { type: 'message', ts, text: 'earlier answer', bot_id: 'BBOT00001', user: BOT_USER_ID } : undefined,
    response_url: opts.responseUrl,
    trigger_id: `trig-${ts}`,
    actions: [{ type: 'button', block_id: 'b1', action_id: action.action_id, value: action.value, text: { type: 'plain_text', text: 'x' }, action_ts: ts }],
    state: undefined,
    view: undefined,
    container_type: undefined,
    app_unfurl: undefined,
    bot_access_token: undefined,
    function_data: undefined,
    interactivity: undefined,
  };
}
