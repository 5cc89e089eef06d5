import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_KEYS, formatConfigProblems, loadConfig } from '../../src/ops/config.ts';

describe('environment config', () => {
  it('starts the console with sensible defaults when nothing is set', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.slackMode).toBe('off');
    expect(result.config.discord).toBe(false);
    expect(result.config.env.PORT).toBe(3000);
    expect(result.config.env.KNOWLEDGE_DIR).toBe('knowledge');
    expect(result.config.env.KB_WATCH).toBe(false);
    expect(result.config.rateLimit).toEqual({ limit: 20, windowMs: 60_000 });
    expect(result.config.sessionTtlMs).toBe(30 * 60_000);
    expect(result.config.followUps).toEqual({ ttlMs: 60 * 60_000, maxConversations: 50_000 });
  });

  it('reads the follow-up memory from FOLLOW_UP_TTL_MINUTES and FOLLOW_UP_MAX_CONVERSATIONS, and names a bad value', () => {
    const set = loadConfig({ FOLLOW_UP_TTL_MINUTES: '15', FOLLOW_UP_MAX_CONVERSATIONS: '2000' });
    expect(set.ok && set.config.followUps).toEqual({ ttlMs: 15 * 60_000, maxConversations: 2000 });
    const bad = loadConfig({ FOLLOW_UP_TTL_MINUTES: '0', FOLLOW_UP_MAX_CONVERSATIONS: 'lots' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toMatch(/FOLLOW_UP_TTL_MINUTES must be at least 1/);
    expect(bad.problems.join('\n')).toMatch(/FOLLOW_UP_MAX_CONVERSATIONS must be a whole number from 100 to 10000000/);
  });

  it('picks Slack HTTP mode, Socket Mode and Discord from the tokens that are set', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'shhh-secret' });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-2' });
    const discord = loadConfig({ DISCORD_TOKEN: 'x'.repeat(40), DISCORD_SHARDS: 'auto', DISCORD_ADMIN_USER_IDS: '1, 2 ,3' });
    expect(http.ok && http.config.slackMode).toBe('http');
    expect(socket.ok && socket.config.slackMode).toBe('socket');
    expect(discord.ok && discord.config.discord).toBe(true);
    expect(discord.ok && discord.config.env.DISCORD_SHARDS).toBe('auto');
    expect(discord.ok && discord.config.env.DISCORD_ADMIN_USER_IDS).toEqual(['1', '2', '3']);
  });

  it('treats empty values as unset and RATE_LIMIT_PER_MINUTE=0 as unlimited', () => {
    const result = loadConfig({ PORT: '', SLACK_BOT_TOKEN: '  ', RATE_LIMIT_PER_MINUTE: '0', KB_WATCH: 'yes' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.env.PORT).toBe(3000);
    expect(result.config.slackMode).toBe('off');
    expect(result.config.rateLimit).toBeUndefined();
    expect(result.config.env.KB_WATCH).toBe(true);
  });

  it('reports every problem at once, in plain words that name the fix', () => {
    const result = loadConfig({
      PORT: '70000',
      LOG_LEVEL: 'chatty',
      SLACK_BOT_TOKEN: 'xoxb-abc',
      REDIS_URL: 'localhost:6379',
      DISCORD_SHARDS: 'lots',
      SESSION_TTL_MINUTES: '1.5',
      SLACK_APP_TOKEN: 'xoxp-wrong',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = formatConfigProblems(result.problems);
    expect(result.problems.length).toBeGreaterThanOrEqual(7);
    expect(text).toMatch(/PORT must be at most 65535/);
    expect(text).toMatch(/LOG_LEVEL must be one of/);
    expect(text).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(text).toMatch(/DISCORD_SHARDS must be "auto" or a whole number/);
    expect(text).toMatch(/SESSION_TTL_MINUTES must be a whole number/);
    expect(text).toMatch(/SLACK_APP_TOKEN must be an app-level token starting with xapp-/);
    expect(text).toMatch(/DISCORD_TOKEN is required when DISCORD_SHARDS is set/);
    expect(text).not.toContain('xoxp-wrong'); // secrets are never echoed back
  });

  it('says to set SLACK_SIGNING_SECRET when only the bot token is given, and the reverse', () => {
    const missingSecret = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(missingSecret.ok).toBe(false);
    if (!missingSecret.ok) expect(missingSecret.problems.join('\n')).toMatch(/SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN/);
    const missingToken = loadConfig({ SLACK_SIGNING_SECRET: 'abcdefghij' });
    expect(missingToken.ok).toBe(false);
    if (!missingToken.ok) expect(missingToken.problems.join('\n')).toMatch(/SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set/);
  });

  it('picks the multi-workspace OAuth install from SLACK_CLIENT_ID, SECRET and SLACK_STATE_SECRET (HTTP mode)', () => {
    const oauth = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-0123456789',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_SIGNING_SECRET: 'abcdefghij',
    };
    const loaded = loadConfig({ ...oauth, SLACK_SCOPES: 'chat:write, commands' });
    expect(loaded.ok && { mode: loaded.config.slackMode, install: loaded.config.slackInstall, scopes: loaded.config.env.SLACK_SCOPES }).toEqual({
      mode: 'http',
      install: 'oauth',
      scopes: ['chat:write', 'commands'],
    });
    const single = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefghij' });
    expect(single.ok && single.config.slackInstall).toBe('token');
    const problems = (env: Record<string, string>) => {
      const result = loadConfig(env);
      return result.ok ? '' : result.problems.join('\n');
    };
    expect(problems({ SLACK_CLIENT_ID: '123.456', SLACK_SIGNING_SECRET: 'abcdefghij' })).toMatch(/SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are required with SLACK_CLIENT_ID/);
    expect(problems({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set/);
    expect(problems({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_APP_TOKEN cannot be used with the OAuth install/);
    expect(problems({ ...oauth, SLACK_SIGNING_SECRET: '' })).toMatch(/SLACK_SIGNING_SECRET is required with SLACK_CLIENT_ID/);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefghij', SLACK_SCOPES: 'chat:write' })).toMatch(/SLACK_SCOPES is only used with the OAuth install/);
    expect(problems({ ...oauth, SLACK_CLIENT_ID: 'not-an-id' })).toMatch(/SLACK_CLIENT_ID must be the Client ID/);
    // Secrets are never echoed back in a problem.
    expect(problems({ ...oauth, SLACK_STATE_SECRET: 'short' })).not.toContain('short"');
  });

  it('lists exactly the schema variables in .env.example, each with a comment', () => {
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    const declared = lines.map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1]).filter((key): key is string => Boolean(key));
    expect([...declared].sort()).toEqual([...ENV_KEYS].sort());
    for (const key of declared) {
      const index = lines.findIndex((line) => line.startsWith(`${key}=`));
      expect(lines[index - 1], `${key} needs a comment line above it`).toMatch(/^# \S/);
    }
  });

  it('accepts .env.example as it ships', () => {
    const env = Object.fromEntries(
      readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
        .split('\n')
        .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    expect(loadConfig(env).ok).toBe(true);
  });
});
