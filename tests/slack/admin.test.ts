/** /framework-admin: reload (success with counts, failure with file:line while the old base serves), report, refusal. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText, useHarness } from './harness.ts';
import { ADMIN, USER, appMention, slashCommand } from './payloads.ts';

const h = useHarness();

let n = 0;
async function admin(text: string, user = ADMIN) {
  const id = `admin${++n}`;
  const ack = await h().command(slashCommand('/framework-admin', text, h().standIn.responseUrl(id), user));
  expect(ack.status).toBe(200);
  expect(ack.ms).toBeLessThan(3_000);
  await h().standIn.waitFor(() => h().standIn.calls.some((c) => c.method === `response:${id}`), 8_000, 'admin reply');
  return h()
    .standIn.calls.filter((c) => c.method === `response:${id}`)
    .map(blockText)
    .join('\n');
}

describe('/framework-admin', () => {
  it('refuses non-admins politely and logs it', async () => {
    const before = h().desk.status().loadedAt;
    const reply = await admin('reload', USER);
    expect(reply).toContain('only Framework Desk admins');
    expect(h().desk.status().loadedAt).toEqual(before);
    expect(h().logs.some((l) => l.msg.includes('refused') && l.user === USER)).toBe(true);
  });

  it('reloads and reports old → new counts and the time taken', async () => {
    const before = h().desk.status();
    writeFileSync(
      join(h().knowledgeDir, 'zz-extra-note.md'),
      [
        '---',
        'id: zz-extra-note',
        'title: Extra note',
        'source:',
        '  publisher: Test Publisher',
        '  title: An extra note',
        '  date: 2024-01',
        'frameworks: [pytorch]',
        '---',
        '',
        '## Extra',
        'PyTorch 2.0 added torch.compile for faster training loops on GPUs.',
        '',
      ].join('\n'),
    );
    const reply = await admin('reload');
    expect(reply).toContain('reloaded');
    expect(reply).toContain(`${before.documents} documents`);
    expect(reply).toContain(`${before.documents + 1} documents`);
    expect(reply).toMatch(/\d+ ms/);
    expect(h().problems()).toEqual([]);
  });

  it('refuses a broken reload with file:line, and the old base keeps answering', async () => {
    const before = h().desk.status();
    writeFileSync(join(h().knowledgeDir, 'broken.md'), '---\nid: broken\ntitle: [unclosed\n---\n\n## Oops\nText.\n');
    appendFileSync(join(h().knowledgeDir, 'zz-extra-note.md'), '');
    const reply = await admin('reload');
    expect(reply).toContain('Reload refused');
    expect(reply).toMatch(/broken\.md:\d+/);
    expect(h().desk.status().chunks).toBe(before.chunks);
    const posted = h().standIn.calls.length;
    await h().event(appMention({ text: 'Is PyTorch good for research?' }));
    await h().standIn.waitFor(() => h().standIn.calls.length > posted, 5_000, 'an answer from the old base');
    expect(h().problems()).toEqual([]);
  });

  it('shows the usage report and usage help', async () => {
    expect(await admin('report')).toContain('Usage report');
    expect(await admin('dance')).toContain('Usage:');
  });
});
