/** /framework-admin reload|report: success, failure with file:line, refusal for non-admins. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, LISTED_ADMIN_ID, slashCommand } from './payloads.ts';
import { overrideDesk, problemsIn, startHarness, type Harness } from './harness.ts';

let h: Harness;
let reloads = 0;
beforeAll(async () => {
  h = await startHarness((desk) =>
    overrideDesk(desk, {
      reload: (t) => {
        reloads += 1;
        return desk.reload(t);
      },
    }),
  );
});
afterAll(async () => h.close());
afterEach(() => expect(problemsIn(h.standIn.calls)).toEqual([]));

const reload = (who: { userId?: string; admin?: boolean; dm?: boolean }) => slashCommand('framework-admin', [{ name: 'reload', type: 1, options: [] }], who);

describe('/framework-admin', () => {
  it('reloads for an administrator: defers, then edits in the result', async () => {
    const [deferral, edit] = await h.send('INTERACTION_CREATE', reload({ userId: ADMIN_ID, admin: true }), 2);
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit?.method).toBe('PATCH');
    expect(JSON.stringify(edit?.body)).toMatch(/Knowledge base reloaded/);
  });

  it('lets users listed in DISCORD_ADMIN_USER_IDS reload without the Administrator permission', async () => {
    const [, edit] = await h.send('INTERACTION_CREATE', reload({ userId: LISTED_ADMIN_ID, admin: false }), 2);
    expect(JSON.stringify(edit?.body)).toMatch(/Knowledge base reloaded/);
  });

  it('refuses a non-admin without reloading', async () => {
    const before = reloads;
    const [call] = await h.send('INTERACTION_CREATE', reload({ admin: false }));
    const body = call?.body as { type: number; data: { flags: number } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(JSON.stringify(body)).toMatch(/Only server administrators/);
    expect(reloads).toBe(before);
  });

  it('reports a broken knowledge base with file and line, and keeps serving the old one', async () => {
    const status = h.desk.status();
    writeFileSync(join(h.knowledgeDir, 'zz-broken.md'), '---\nid: Not A Valid Id\ntitle: Broken\n---\n\n## Section\n\nText.\n');
    const [, edit] = await h.send('INTERACTION_CREATE', reload({ userId: ADMIN_ID, admin: true }), 2);
    const text = JSON.stringify(edit?.body);
    expect(text).toMatch(/Reload refused/);
    expect(text).toMatch(/zz-broken\.md:\d+/);
    expect(h.desk.status().chunks).toBe(status.chunks);
  });

  it('shows a server administrator that server’s report; in a DM the report is the operators’ only', async () => {
    const report = (who: { userId: string; admin?: boolean; dm?: boolean }) =>
      h.send('INTERACTION_CREATE', slashCommand('framework-admin', [{ name: 'report', type: 1, options: [] }], who));
    const [inServer] = await report({ userId: ADMIN_ID, admin: true });
    expect(JSON.stringify(inServer?.body)).toMatch(/Usage report|Nothing to report/);
    const [refused] = await report({ userId: ADMIN_ID, dm: true });
    expect(JSON.stringify(refused?.body)).toMatch(/Only server administrators|only the bot’s operators/);
    const [operator] = await report({ userId: LISTED_ADMIN_ID, dm: true });
    expect(JSON.stringify(operator?.body)).toMatch(/Usage report|Nothing to report/);
  });
});
