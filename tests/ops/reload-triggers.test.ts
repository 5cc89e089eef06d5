import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reloadOnFileChange, reloadOnSighup } from '../../src/ops/reload-triggers.ts';
import { captureLogger } from './fakes.ts';
import { fakeDesk } from '../support/fake-desk.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('reload triggers', () => {
  it('KB_WATCH: a burst of saves (also in sub-folders) becomes one reload after the quiet period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fdesk-watch-'));
    mkdirSync(join(dir, 'flow'));
    const desk = fakeDesk();
    const { logger, lines } = captureLogger();
    stops.push(reloadOnFileChange(desk, logger, { dir, debounceMs: 150 }));
    await sleep(50);
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(dir, `doc-${i}.md`), `version ${i}`);
      await sleep(20);
    }
    writeFileSync(join(dir, 'flow', 'choose-framework.yaml'), 'x: 1');
    await sleep(60);
    expect(desk.reloads).toEqual([]); // still inside the quiet period
    await sleep(400);
    expect(desk.reloads).toEqual(['watch']);
    const line = lines.find((l) => l.event === 'kb-watch');
    expect(line?.files).toEqual(expect.arrayContaining(['doc-0.md', 'doc-4.md']));
    writeFileSync(join(dir, 'doc-0.md'), 'again');
    await sleep(400);
    expect(desk.reloads).toEqual(['watch', 'watch']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('KB_WATCH on a missing folder logs how to reload instead of crashing', () => {
    const { logger, lines } = captureLogger();
    stops.push(reloadOnFileChange(fakeDesk(), logger, { dir: '/nonexistent/knowledge', debounceMs: 100 }));
    expect(lines.some((l) => String(l.msg).includes('KB_WATCH could not start'))).toBe(true);
  });

  it('SIGHUP reloads, and stops doing so once removed', async () => {
    const desk = fakeDesk();
    const { logger } = captureLogger();
    const stop = reloadOnSighup(desk, logger);
    process.emit('SIGHUP', 'SIGHUP');
    await sleep(10);
    expect(desk.reloads).toEqual(['sighup']);
    stop();
    expect(process.listenerCount('SIGHUP')).toBe(0);
  });
});
