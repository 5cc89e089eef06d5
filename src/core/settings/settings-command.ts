/**
 * The `settings` admin command, platform-free: every platform passes the words after `settings` and gets
 * back one plain-text reply. Channel references are platform syntax (`<#C123|help>` on Slack, `<#123>` on
 * Discord), so the adapter says how to read one and how to show one.
 */
import { StoreUnavailableError } from '../ports.ts';
import { type FollowUpDefault, MAX_FOLLOW_UP_CHANNELS, type WorkspaceSettings } from './schema.ts';
import type { WorkspaceSettingsStore } from './settings-store.ts';

/** What differs per platform: channel syntax, and where follow-ups are answered by default. */
export interface SettingsPlatform {
  /** The channel id a word names, or undefined when the word is not a channel reference. */
  parse(word: string): string | undefined;
  /** How a channel id is shown in a reply (a clickable channel link on the platform). */
  show(id: string): string;
  followUpsByDefault: FollowUpDefault;
}

export type SettingsChange = { kind: 'show' } | { kind: 'reset' } | { kind: 'set'; change: Partial<WorkspaceSettings> } | { kind: 'error'; message: string };

const ANSWERS: Record<string, WorkspaceSettings['answers']> = { channel: 'channel', public: 'channel', private: 'private', privately: 'private' };
const FOLLOW_UPS = new Set(['follow-ups', 'followups', 'follow-up', 'followup']);

/** Usage, with the command the admin typed (`/framework-desk settings`, `/framework-admin settings`). */
export function settingsUsage(command: string): string {
  return [
    `\`${command}\` shows this workspace's settings. To change them:`,
    `• \`${command} answers channel\` or \`${command} answers private\` — answer mentions in the channel, or only to the asker`,
    `• \`${command} follow-ups all\`, \`… follow-ups none\` or \`… follow-ups #channel #other\` — where replies in a thread I answered are answered without a mention`,
    `• \`${command} reset\` — back to the defaults`,
  ].join('\n');
}

/** Reads the words after `settings` into a change; never throws. */
export function parseSettingsCommand(text: string, channels: SettingsPlatform): SettingsChange {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words.map((w, i) => (i === 0 ? w.toLowerCase() : w));
  if (first === undefined || first === 'show') return rest.length === 0 ? { kind: 'show' } : { kind: 'error', message: '`show` takes nothing after it.' };
  if (first === 'reset') return rest.length === 0 ? { kind: 'reset' } : { kind: 'error', message: '`reset` takes nothing after it.' };
  if (first === 'answers' || first === 'answer') {
    const value = rest.length === 1 ? ANSWERS[(rest[0] ?? '').toLowerCase()] : undefined;
    return value ? { kind: 'set', change: { answers: value } } : { kind: 'error', message: '`answers` takes one word: `channel` or `private`.' };
  }
  if (first !== undefined && FOLLOW_UPS.has(first)) return parseFollowUps(rest, channels);
  return { kind: 'error', message: `I don't know the setting "${first.slice(0, 40)}".` };
}

function parseFollowUps(words: string[], channels: SettingsPlatform): SettingsChange {
  const only = words.length === 1 ? (words[0] ?? '').toLowerCase() : undefined;
  if (only === 'all' || only === 'none') return { kind: 'set', change: { followUps: only, followUpChannels: [] } };
  if (words.length === 0) return { kind: 'error', message: '`follow-ups` takes `all`, `none`, or the channels to answer them in.' };
  const ids: string[] = [];
  for (const word of words) {
    const id = channels.parse(word.replace(/,$/, ''));
    if (!id) return { kind: 'error', message: `"${word.slice(0, 40)}" is not a channel — pick channels with #, or use \`all\` / \`none\`.` };
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length > MAX_FOLLOW_UP_CHANNELS) return { kind: 'error', message: `At most ${MAX_FOLLOW_UP_CHANNELS} channels; use \`all\` to answer follow-ups everywhere.` };
  return { kind: 'set', change: { followUps: 'listed', followUpChannels: ids } };
}

/** The settings as an admin reads them. */
export function describeSettings(settings: WorkspaceSettings, channels: SettingsPlatform): string {
  const answers = settings.answers === 'private' ? 'privately, only to the person who asked' : 'in the channel (in a thread)';
  const mode = settings.followUps ?? channels.followUpsByDefault;
  const followUps =
    mode === 'all'
      ? 'in every channel'
      : mode === 'none'
        ? 'nowhere (a mention is needed every time)'
        : `only in ${settings.followUpChannels.map((id) => channels.show(id)).join(', ')}`;
  return `Settings for this workspace:\n• Mentions are answered ${answers}.\n• Replies in a thread I answered are answered without a mention ${followUps}.`;
}

/**
 * Runs `settings <text>` for `workspace` and returns the reply. A change that could not be saved (store
 * unreachable) says so; any other failure is the caller's to log.
 */
export async function runSettingsCommand(settings: WorkspaceSettingsStore, workspace: string, text: string, command: string, channels: SettingsPlatform): Promise<string> {
  const parsed = parseSettingsCommand(text, channels);
  try {
    switch (parsed.kind) {
      case 'show':
        return `${describeSettings(await settings.get(workspace), channels)}\n\n${settingsUsage(command)}`;
      case 'reset':
        return `Back to the defaults.\n${describeSettings(await settings.reset(workspace), channels)}`;
      case 'set':
        return `Saved.\n${describeSettings(await settings.update(workspace, parsed.change), channels)}`;
      case 'error':
        return `${parsed.message}\n\n${settingsUsage(command)}`;
    }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return `Nothing was changed: ${error.message}`;
    throw error;
  }
}
