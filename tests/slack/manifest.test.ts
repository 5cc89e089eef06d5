/** The manifest creates an app that can do what the adapter handles: every command, event and scope it needs. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/adapters/slack/commands.ts';
import { SLACK_EVENTS_PATH } from '../../src/adapters/slack/index.ts';
import { DEFAULT_BOT_SCOPES, SLACK_OAUTH_REDIRECT_PATH } from '../../src/adapters/slack/oauth.ts';

interface Manifest {
  features: { slash_commands: { command: string; url: string; description: string }[]; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync('slack/manifest.yaml', 'utf8')) as Manifest;

describe('slack/manifest.yaml', () => {
  it('declares every slash command the adapter serves, on the events path', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const c of manifest.features.slash_commands) {
      expect(new URL(c.url).pathname).toBe(SLACK_EVENTS_PATH);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('subscribes to the events the adapter answers, with the scopes they need', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups']));
    const needs: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.im': 'im:history',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
    };
    // app_uninstalled and tokens_revoked need no scope.
    for (const event of events.filter((e) => needs[e])) expect(manifest.oauth_config.scopes.bot).toContain(needs[event]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'commands']));
  });

  it('enables interactivity on the same path and lets users DM the bot', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });

  it('sends installers back to the OAuth redirect path, asks for the scopes the OAuth install asks for, and hears uninstalls', () => {
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([SLACK_OAUTH_REDIRECT_PATH]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...DEFAULT_BOT_SCOPES].sort());
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });
});
