/**
 * One argument parser for every CLI in src/cli: `--help` on each, an unknown flag is a clear error with
 * exit 2 (never silently part of a question), and kb:check finds the base the way ask and choose do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/run-cli.ts';
import { ROOT, runScript } from './run-script.ts';

const spec = {
  name: 'demo',
  usage: 'npm run demo -- [--json] [--knowledge <dir>]',
  help: 'Does a demo.',
  options: { json: { type: 'boolean' }, knowledge: { type: 'string' } },
  positionals: true,
} as const;

describe('parseCli (node:util parseArgs underneath)', () => {
  it('returns flags and words in order, and -- ends the options', () => {
    const parsed = parseCli(spec, ['--json', 'is', '--knowledge', 'kb', 'torch', '--', '--fast?']);
    expect(parsed.ok && parsed.args.values).toEqual({ json: true, knowledge: 'kb' });
    expect(parsed.ok && parsed.args.positionals).toEqual(['is', 'torch', '--fast?']);
  });

  it('--help and -h give the usage and the help text, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const parsed = parseCli(spec, ['--json', flag]);
      expect(parsed).toEqual({ ok: false, code: 0, text: 'usage: npm run demo -- [--json] [--knowledge <dir>]\n\nDoes a demo.' });
    }
  });

  it('names the bad flag and exits 2 for unknown flags, missing values and values on a switch', () => {
    const cases: [string[], string][] = [
      [['--jsno', 'question'], 'demo: unknown option --jsno'],
      [['-x'], 'demo: unknown option -x'],
      [['--knowledge'], 'demo: --knowledge needs a value'],
      [['--json=yes'], 'demo: --json takes no value'],
    ];
    for (const [argv, first] of cases) {
      const parsed = parseCli(spec, argv);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.code).toBe(2);
      expect(parsed.text.split('\n')).toEqual([first, `usage: ${spec.usage}`, 'Run with --help for details.']);
    }
  });

  it('refuses words when the CLI takes none', () => {
    const parsed = parseCli({ ...spec, positionals: false }, ['stray']);
    expect(parsed).toMatchObject({ ok: false, code: 2, text: expect.stringMatching(/^demo: unexpected argument "stray"/) });
  });
});

const CLIS = ['ask', 'choose', 'kb-check', 'report', 'discord-register'];

describe('every CLI in src/cli', () => {
  it.each(CLIS)('%s: --help prints usage on stdout (exit 0); an unknown flag is an error on stderr (exit 2)', async (cli) => {
    const [help, bad] = await Promise.all([runScript(`src/cli/${cli}.ts`, ['--help']), runScript(`src/cli/${cli}.ts`, ['--definitely-not-a-flag'])]);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run /);
    expect(help.stdout).toMatch(/\.env/);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown option --definitely-not-a-flag\nusage: npm run .*\nRun with --help for details\./);
  });
});

describe('kb:check finds the base like ask and choose', () => {
  const broken = mkdtempSync(path.join(tmpdir(), 'fdesk-kbcheck-'));
  writeFileSync(path.join(broken, 'only.md'), '---\nid: only\ntitle: Only\nframeworks: [pytorch]\n---\n## X\ntext\n');
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it('honours KNOWLEDGE_DIR', async () => {
    const run = await runScript('src/cli/kb-check.ts', [], { env: { KNOWLEDGE_DIR: broken } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(path.join(broken, 'only.md'));
  });

  it('--knowledge and a directory argument win over KNOWLEDGE_DIR', async () => {
    const shipped = path.join(ROOT, 'knowledge');
    const [flag, positional] = await Promise.all([
      runScript('src/cli/kb-check.ts', ['--knowledge', shipped], { env: { KNOWLEDGE_DIR: broken } }),
      runScript('src/cli/kb-check.ts', [shipped], { env: { KNOWLEDGE_DIR: broken } }),
    ]);
    for (const run of [flag, positional]) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/^knowledge OK: /m);
    }
  });
});
