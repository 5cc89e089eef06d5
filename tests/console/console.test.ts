import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';
import { ConsoleDriver } from './driver.ts';

let driver: ConsoleDriver;
let dir: string;

beforeEach(async () => {
  // A private copy, so the reload tests can break it without touching knowledge/.
  dir = mkdtempSync(path.join(tmpdir(), 'console-kb-'));
  cpSync('knowledge', dir, { recursive: true });
  driver = new ConsoleDriver(await createDesk({ knowledgeDir: dir, store: new MemoryStore() }));
  expect(await driver.start()).toMatch(/Framework Desk/);
});
afterEach(async () => {
  await driver.adapter.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('console chat', () => {
  it('answers a question with numbered citations', async () => {
    const reply = await driver.send('is pytorch easier to learn than tensorflow?');
    expect(reply).toMatch(/\[1\] /);
    expect(reply).toMatch(/Sources:\n\[1\] .+ \(\d{4}/);
  });

  it('declines off-topic questions honestly', async () => {
    const reply = await driver.send("what's the weather in Paris tomorrow?");
    expect(reply).not.toMatch(/Sources:/);
    expect(reply).toMatch(/choose-framework|could ask/i);
  });

  it('runs /choose-framework by numbers to a cited result, with back and presets', async () => {
    let reply = await driver.send('/choose-framework goal:research');
    expect(reply).toMatch(/^Question 2 of 5 — Where will the model run\?\n {2}1\) Cloud or server/);
    reply = await driver.send('2'); // mobile / edge
    expect(reply).toMatch(/Question 3 of 5/);
    reply = await driver.send('b');
    expect(reply).toMatch(/Question 2 of 5/);
    reply = await driver.send('9');
    expect(reply).toBe('Type a number from 1 to 4 (or b, r, q).');
    for (const n of ['2', '1', '1']) reply = await driver.send(n);
    expect(reply).toMatch(/Question 5 of 5/);
    reply = await driver.send('3');
    expect(reply).toMatch(/^Recommendation: PyTorch \(confidence \d+%\)/);
    expect(reply).toMatch(/TensorFlow [█░]{10} \d+\.\d/);
    expect(reply).toMatch(/Hybrid path: .*convert/);
    expect(reply).toMatch(/Sources:\n\[1\] /);
  });

  it('cancel and restart; stale keys after cancel are treated as questions, not crashes', async () => {
    await driver.send('/choose-framework');
    expect(await driver.send('q')).toMatch(/cancelled/i);
    expect(await driver.send('r')).not.toMatch(/Question 1/);
    await driver.send('/choose-framework');
    await driver.send('1');
    expect(await driver.send('r')).toMatch(/^Question 1 of 5/);
  });

  it('rejects bad presets naming the valid ids', async () => {
    expect(await driver.send('/choose-framework target:moon')).toMatch(/cloud_server, mobile_edge, browser, undecided/);
    expect(await driver.send('/choose-framework budget:low')).toMatch(/goal, target, hardware, domain, team/);
  });

  it('/help, unknown commands and /report', async () => {
    expect(await driver.send('/help')).toMatch(/\/choose-framework/);
    expect(await driver.send('/frobnicate')).toMatch(/Unknown command \/frobnicate/);
    await driver.send('how do I bake sourdough bread?');
    expect(await driver.send('/report')).toMatch(/sourdough/);
  });

  it('/reload prints counts and time, and each error with file:line when broken', async () => {
    expect(await driver.send('/reload')).toMatch(/^Reloaded in \d+ ms: (\d+) → \1 documents, (\d+) → \2 chunks\.$/);
    const flowFile = path.join(dir, 'flow/choose-framework.yaml');
    writeFileSync(flowFile, readFileSync(flowFile, 'utf8').replace('weight: 3', 'weight: lots'));
    const failed = await driver.send('/reload');
    expect(failed).toMatch(/Reload failed .* still serving/);
    expect(failed).toMatch(/choose-framework\.yaml:\d+: .*weight/);
    // The old base still answers.
    expect(await driver.send('/choose-framework target:browser hardware:tpu goal:production domain:other team:none')).toMatch(/Recommendation: TensorFlow/);
  });

  it('survives hostile input', async () => {
    for (const line of ['', '   ', '\u0007\u001b[2J', 'x'.repeat(50_000), '@everyone 🎉🎉', '<!channel> **bold** `code`']) {
      const reply = await driver.send(line);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting no terminal escape came through
      expect(reply).not.toMatch(/\u001b|Error:|at .*\.ts:\d+/);
    }
  });

  it('/quit says bye and ends', async () => {
    driver.input.write('/quit\n');
    for (let i = 0; i < 50 && !driver.ended; i++) await new Promise((r) => setTimeout(r, 20));
    expect(driver.ended).toBe(true);
  });

  it('ends when the input ends', async () => {
    driver.input.end();
    for (let i = 0; i < 50 && !driver.ended; i++) await new Promise((r) => setTimeout(r, 20));
    expect(driver.ended).toBe(true);
    expect(driver.adapter.isReady()).toBe(false);
  });
});
