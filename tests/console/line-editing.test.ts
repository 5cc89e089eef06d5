/**
 * On a terminal the console chat edits lines like any REPL (readline in terminal mode: arrow keys, ↑ for
 * the questions asked before); on piped input it reads plain lines as before. The streams here are
 * PassThroughs that claim to be a TTY, carrying the bytes a terminal sends for each key.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/index.ts';
import { createDesk } from '../../src/core/desk.ts';
import { MemoryStore } from '../../src/stores/memory-store.ts';

const UP = '\x1b[A';
const LEFT = '\x1b[D';
const ENTER = '\r';

interface FakeTerminal {
  adapter: ConsoleAdapter;
  input: PassThrough;
  output: () => string;
  asked: string[];
  rawModes: boolean[];
  ended: () => boolean;
}

async function consoleOn(tty: boolean): Promise<FakeTerminal> {
  const asked: string[] = [];
  const desk = await createDesk({ knowledgeDir: 'knowledge', store: new MemoryStore(), observer: { onAnswer: (answer) => asked.push(answer.question) } });
  const rawModes: boolean[] = [];
  const input = Object.assign(new PassThrough(), { isTTY: tty, setRawMode: (on: boolean) => rawModes.push(on) });
  const output = Object.assign(new PassThrough(), { isTTY: tty, columns: 120 });
  let printed = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => (printed += chunk));
  let ended = false;
  const adapter = new ConsoleAdapter({ desk, input, output, prompt: tty ? '> ' : '', onEnd: () => (ended = true) });
  await adapter.start();
  return { adapter, input, output: () => printed, asked, rawModes, ended: () => ended };
}

/**
 * One chunk per key, as a terminal sends them while someone types. (Node 20's key decoder mishandles a
 * printable key that arrives in the same chunk right after an escape sequence; Node 24's does not.)
 */
async function type(input: PassThrough, keys: string[]): Promise<void> {
  for (const key of keys) {
    input.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Bounded wait for something the adapter does asynchronously. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

let open: FakeTerminal | undefined;
afterEach(async () => {
  await open?.adapter.stop();
  open = undefined;
});

describe('console line editing', () => {
  it('on a terminal: raw mode, arrow keys edit the line, ↑ brings back the last question', async () => {
    open = await consoleOn(true);
    expect(open.rawModes).toEqual([true]);
    // "releasd?" ← ← "e" → "released?": the cursor moved inside the line before the insert.
    await type(open.input, ['when was pytorch releasd?', LEFT, LEFT, 'e', ENTER]);
    await until(() => open!.asked.length === 1, 'the first answer');
    expect(open.asked).toEqual(['when was pytorch released?']);

    await type(open.input, [UP, ENTER]);
    await until(() => open!.asked.length === 2, 'the answer to the recalled question');
    expect(open.asked).toEqual(['when was pytorch released?', 'when was pytorch released?']);
    expect(open.output()).not.toContain('^[[A');
  });

  it('on a terminal: Ctrl-C leaves the chat and gives the terminal back', async () => {
    open = await consoleOn(true);
    open.input.write('\x03');
    await until(() => open!.ended(), 'the chat to end');
    expect(open.rawModes).toEqual([true, false]);
  });

  it('piped: plain lines, no raw mode, no echo; escape bytes are not treated as keys', async () => {
    open = await consoleOn(false);
    open.input.write('when was pytorch released?\n');
    await until(() => open!.asked.length === 1, 'the answer');
    expect(open.rawModes).toEqual([]);
    expect(open.output()).not.toContain('when was pytorch released?\n');
    open.input.write(`${UP}\n`);
    await until(() => open!.asked.length === 2, 'the second line');
    // The bytes arrive as text (what is left after control characters are dropped), not as a recall.
    expect(open.asked[1]).toBe('[A');
  });
});
