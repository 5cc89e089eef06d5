/** Gateway dispatch payloads shaped like Discord's (MESSAGE_CREATE, INTERACTION_CREATE). */
import { APP_ID, BOT_ID, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, botUser, messageObject, snowflake, user } from './standin.ts';

export const ASKER_ID = '200000000000000010';
export const ADMIN_ID = '200000000000000011';
/** Listed in DISCORD_ADMIN_USER_IDS by the tests, without the Administrator permission. */
export const LISTED_ADMIN_ID = '200000000000000012';

const ALL_PERMISSIONS = '2251799813685247';
const MEMBER_PERMISSIONS = '2147483648'; // USE_APPLICATION_COMMANDS only

function member(id: string, permissions: string) {
  return { user: user(id), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions };
}

export function guildMessage(content: string, options: { authorId?: string; bot?: boolean; mentionBot?: boolean; channelId?: string } = {}) {
  const author = options.bot ? { ...user(options.authorId ?? '200000000000000020'), bot: true } : user(options.authorId ?? ASKER_ID);
  const mentionBot = options.mentionBot ?? true;
  const channelId = options.channelId ?? CHANNEL_ID;
  return {
    ...messageObject(channelId, author, mentionBot ? `<@${BOT_ID}> ${content}` : content),
    channel_type: channelId === CHANNEL_ID ? 0 : 11,
    guild_id: GUILD_ID,
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    mention_everyone: content.includes('@everyone'),
    mentions: mentionBot ? [{ ...botUser, member: { roles: [], joined_at: new Date().toISOString() } }] : [],
  };
}

/**
 * A reply in the guild channel to `answer` (a message the bot posted), as Discord dispatches it: type 19
 * with `message_reference` and `referenced_message`. Replies ping their author unless `ping: false`.
 */
export function guildReply(content: string, answer: { id: string; channel_id: string }, options: { ping?: boolean; authorId?: string } = {}) {
  const ping = options.ping ?? true;
  return {
    ...guildMessage(content, { mentionBot: false, ...(options.authorId && { authorId: options.authorId }) }),
    type: 19,
    message_reference: { type: 0, message_id: answer.id, channel_id: answer.channel_id, guild_id: GUILD_ID },
    referenced_message: answer,
    mentions: ping ? [{ ...botUser, member: { roles: [], joined_at: new Date().toISOString() } }] : [],
  };
}

export function dmMessage(content: string, authorId = ASKER_ID) {
  return {
    ...messageObject(DM_CHANNEL_ID, user(authorId), content),
    // Discord sends channel_type on MESSAGE_CREATE; discord.js needs it to build an uncached DM channel.
    channel_type: 1,
  };
}

interface InteractionOptions {
  userId?: string;
  admin?: boolean;
  dm?: boolean;
  /** Another server than the stand-in's own (its channel is not in the client's cache). */
  guildId?: string;
}

/** A second server, for per-server isolation. */
export const OTHER_GUILD_ID = '200000000000000903';

function base(type: number, data: unknown, options: InteractionOptions) {
  const id = snowflake();
  const who = options.userId ?? ASKER_ID;
  const guildId = options.guildId ?? GUILD_ID;
  const where = options.dm
    ? { channel_id: DM_CHANNEL_ID, channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user(who)] }, user: user(who), context: 1 }
    : {
        guild_id: guildId,
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'general', permissions: ALL_PERMISSIONS },
        member: member(who, options.admin ? ALL_PERMISSIONS : MEMBER_PERMISSIONS),
        context: 0,
        guild_locale: 'en-US',
      };
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    data,
    locale: 'en-US',
    app_permissions: ALL_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { 0: guildId },
    attachment_size_limit: 10485760,
    ...where,
  };
}

export function slashCommand(name: string, options: { name: string; type: number; value?: string; focused?: boolean; options?: unknown[] }[], who: InteractionOptions = {}) {
  return base(2, { id: snowflake(), name, type: 1, options }, who);
}

export function autocomplete(value: string, who: InteractionOptions = {}) {
  return base(4, { id: snowflake(), name: 'ask', type: 1, options: [{ name: 'question', type: 3, value, focused: true }] }, who);
}

/** A click on a component of `message` (a message object the bot produced). */
export function componentClick(message: unknown, customId: string, values: string[] | undefined, who: InteractionOptions = {}) {
  const data = values ? { custom_id: customId, component_type: 3, values } : { custom_id: customId, component_type: 2 };
  return { ...base(3, data, who), message };
}
