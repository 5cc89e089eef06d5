/**
 * Drives the console adapter like errbot's testbot: `send(line)` pushes a line into its input stream and
 * resolves with everything it printed up to the next prompt. Bounded: a reply that never comes fails.
 */
import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../src/adapters/console/index.ts';
import type { Desk } from '../../src/core/ports.ts';

export class ConsoleDriver {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  readonly adapter: ConsoleAdapter;
  ended = false;
  private buffer = '';
  private waiter?: () => void;

  constructor(desk: Desk) {
    this.output.setEncoding('utf8');
    this.output.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiter?.();
    });
    this.adapter = new ConsoleAdapter({ desk, input: this.input, output: this.output, prompt: '> ', onEnd: () => (this.ended = true) });
  }

  /** Starts the adapter and returns the greeting. */
  async start(): Promise<string> {
    await this.adapter.start();
    return this.next();
  }

  async send(line: string): Promise<string> {
    this.input.write(`${line}\n`);
    return this.next();
  }

  /** Text up to the next prompt, without the prompt. */
  private async next(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The prompt starts a line; "a -> b" inside an answer is not a prompt.
      const match = /(^|\n)> /.exec(this.buffer);
      if (match) {
        const text = this.buffer.slice(0, match.index);
        this.buffer = this.buffer.slice(match.index + match[0].length);
        return text;
      }
      if (Date.now() > deadline) throw new Error(`no console reply within ${timeoutMs} ms; got so far: ${JSON.stringify(this.buffer)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
