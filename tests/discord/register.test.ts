/** `npm run discord:register`: the bulk-overwrite body is valid against Discord's spec. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsIn } from './harness.ts';
import { APP_ID, DiscordStandIn, GUILD_ID } from './standin.ts';

const run = promisify(execFile);
let standIn: DiscordStandIn;
beforeAll(async () => {
  standIn = await DiscordStandIn.start();
});
afterAll(async () => standIn.close());

async function register(extra: Record<string, string>) {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ENV_FILE: 'none',
    DISCORD_TOKEN: 'test-token.standin.0000000000',
    DISCORD_API_URL: standIn.apiUrl,
    ...extra,
  };
  return run('npx', ['tsx', 'src/cli/discord-register.ts'], { env, timeout: 30_000 });
}

interface Command {
  name: string;
  default_member_permissions?: number;
  options?: { name: string; autocomplete?: boolean; choices?: unknown[]; options?: unknown[] }[];
}

describe('discord:register', () => {
  it('bulk-overwrites global commands with a spec-valid body, looking up the application id', async () => {
    const { stdout } = await register({});
    expect(stdout).toMatch(/Registered \/ask, \/choose-framework, \/framework-admin/);
    const put = standIn.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/applications/${APP_ID}/commands`);
    expect(problemsIn(standIn.calls)).toEqual([]);
    const commands = put?.body as Command[];
    expect(commands.map((c) => c.name)).toEqual(['ask', 'choose-framework', 'framework-admin']);
    expect(commands[0]?.options?.[0]?.autocomplete).toBe(true);
    expect(commands[1]?.options?.map((o) => o.name)).toEqual(['goal', 'target', 'hardware', 'domain', 'team']);
    for (const option of commands[1]?.options ?? []) expect(option.choices?.length).toBeGreaterThan(1);
    expect(commands[2]?.default_member_permissions).toBe(8);
  });

  it('registers to one guild with DISCORD_GUILD_ID and a given application id', async () => {
    const from = standIn.calls.length;
    const { stdout } = await register({ DISCORD_GUILD_ID: GUILD_ID, DISCORD_APPLICATION_ID: APP_ID });
    expect(stdout).toMatch(new RegExp(`guild ${GUILD_ID}`));
    expect(standIn.calls.slice(from).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands`]);
    expect(problemsIn(standIn.calls)).toEqual([]);
  });

  it('explains a token Discord refuses', async () => {
    const failed = await register({ DISCORD_TOKEN: 'rejected.token.000000000000' }).catch((error: { stderr: string; code: number }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed && failed.stderr).toMatch(/Discord refused DISCORD_TOKEN .*\(401\)/);
    expect('stderr' in failed && failed.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a missing token instead of a stack trace', async () => {
    const failed = await register({ DISCORD_TOKEN: '' }).catch((error: { stderr: string; code: number }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed && failed.stderr).toMatch(/DISCORD_TOKEN is not set/);
  });
});
