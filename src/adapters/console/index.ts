/**
 * The console chat: a terminal on the same Desk as Slack and Discord. Reads lines from an input stream
 * and writes replies to an output stream — both injectable, so tests drive it like errbot's testbot (push
 * a line, read the reply). Lines are handled one at a time, in order.
 *
 * On a real terminal readline runs in terminal mode, as any REPL does: arrow keys edit the line, ↑/↓ walk
 * the history of this session, Ctrl-C or Ctrl-D leaves. Piped input stays plain lines (no echo, no escape
 * codes), so `printf 'q\n' | npm start` prints answers only.
 */
import { APOLOGY } from '../../core/messages.ts';
import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter } from '../adapter.ts';
import { parseFlowPreset } from '../../core/flow/preset.ts';
import type { FlowAction, FlowStep } from '../../core/flow/types.ts';
import type { Desk, Requester } from '../../core/ports.ts';
import { formatReport } from '../../core/report/format.ts';
import { helpText, renderAnswer, renderFlowStep, renderReload, stripControl } from './render.ts';

export interface ConsoleAdapterOptions {
  desk: Desk;
  input: Readable;
  output: Writable;
  /** Shown before each line the user types; '' for none. */
  prompt?: string;
  /** Called once the input ends (Ctrl-D, Ctrl-C on a terminal, end of a pipe) or the user types /quit. */
  onEnd?: (summary: ConsoleSummary) => void;
  userId?: string;
  /** Line editing and history; defaults to on when both streams are terminals. */
  terminal?: boolean;
}

/** What the chat saw, for whoever decides what its end means. */
export interface ConsoleSummary {
  /** Lines read from the input, blank ones included. 0 means nobody was there (e.g. stdin is /dev/null). */
  linesRead: number;
}

/** Questions kept for ↑/↓ in one session. */
const HISTORY_SIZE = 500;

const greeting = (frameworks: readonly string[]) => `Framework Desk — ask about ${frameworks.join(' vs ')}, or type /help.`;
/** How long stop() waits for the line being answered before giving up. */
const STOP_WAIT_MS = 5_000;

export class ConsoleAdapter implements ChatAdapter {
  readonly name = 'console' as const;
  private readonly who: Requester;
  private readonly prompt: string;
  private lines?: Interface;
  private queue: Promise<void> = Promise.resolve();
  /** The question on screen, so a typed number means its option. */
  private pending?: Extract<FlowStep, { kind: 'question' }>;
  /** Nonce of the questionnaire on screen (question or result), for b / q. */
  private nonce?: string;
  /** True while b/r/q and numbers mean questionnaire keys (after a question, result or expiry). */
  private flowOpen = false;
  private ready = false;
  private ended = false;
  private terminal = false;
  private linesRead = 0;

  constructor(private readonly options: ConsoleAdapterOptions) {
    // Each console session is one conversation for follow-ups.
    const thread = { key: `console:${randomUUID()}` };
    this.who = { platform: 'console', userId: options.userId ?? 'local', conversation: 'console', thread };
    this.prompt = options.prompt ?? '> ';
  }

  async start(): Promise<void> {
    if (this.lines) return;
    const { input, output } = this.options;
    const terminal = this.options.terminal ?? (isTerminal(input) && isTerminal(output));
    this.lines = terminal
      ? createInterface({ input, output, terminal: true, historySize: HISTORY_SIZE, removeHistoryDuplicates: true, prompt: this.prompt })
      : createInterface({ input, crlfDelay: Infinity, terminal: false });
    this.terminal = terminal;
    // In raw mode Ctrl-C reaches readline, not the process: leave as the user means it to.
    this.lines.on('SIGINT', () => {
      this.write('\n');
      this.lines?.close();
    });
    this.lines.on('line', (line) => {
      this.linesRead += 1;
      this.queue = this.queue.then(() => this.handle(line));
    });
    this.lines.on('close', () => {
      this.ready = false;
      void this.queue.then(() => this.end());
    });
    this.ready = true;
    this.write(`${greeting(this.options.desk.status().frameworks)}\n`);
    this.showPrompt();
  }

  async stop(): Promise<void> {
    this.ready = false;
    this.lines?.close();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
    await Promise.race([this.queue, timeout]);
    clearTimeout(timer);
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Answers one line and returns the reply (also written to the output). Never throws. */
  async reply(line: string): Promise<string> {
    try {
      return stripControl(await this.replyTo(line.trim()));
    } catch {
      return APOLOGY;
    }
  }

  private async handle(line: string): Promise<void> {
    const text = await this.reply(line);
    if (this.ended) return;
    if (text) this.write(`${text}\n`);
    if (!this.ended) this.showPrompt();
  }

  /** readline draws the prompt in terminal mode (it must know its width to edit the line). */
  private showPrompt(): void {
    if (this.terminal && this.lines && !this.ended) this.lines.prompt(true);
    else this.write(this.prompt);
  }

  private async replyTo(text: string): Promise<string> {
    if (text === '') return '';
    const flowAction = this.flowKey(text);
    if (flowAction) return this.flow(flowAction);
    const [command = '', ...rest] = text.split(/\s+/);
    switch (command.toLowerCase()) {
      case '/help':
        return helpText(this.options.desk.status().frameworks);
      case '/quit':
      case '/exit':
        this.lines?.close();
        return 'Bye!';
      case '/reload':
        return renderReload(await this.options.desk.reload('console'));
      case '/report':
        return formatReport(await this.options.desk.report(10));
      case '/choose-framework':
      case '/choose': {
        const preset = parseFlowPreset(rest.join(' '));
        if (preset.errors.length > 0) return `I could not read that: ${preset.errors.join('; ')}.`;
        return this.flow({ type: 'start', preset: preset.answers });
      }
      default:
        if (command.startsWith('/'))
          return `Unknown command ${command.slice(0, 40)}. ${helpText(this.options.desk.status().frameworks).split('\n')[0]}\nType /help for the commands.`;
        return renderAnswer(await this.options.desk.ask(text, this.who));
    }
  }

  /** While a questionnaire is on screen: a number answers, b/r/q go back, restart, cancel. */
  private flowKey(text: string): FlowAction | undefined {
    if (!this.flowOpen) return undefined;
    const key = text.toLowerCase();
    if (key === 'r') return { type: 'restart' };
    if (!this.nonce) return undefined;
    if (key === 'b') return { type: 'back', nonce: this.nonce };
    if (key === 'q') return { type: 'cancel', nonce: this.nonce };
    if (this.pending && /^\d{1,3}$/.test(key)) {
      const option = this.pending.options[Number(key) - 1];
      // An out-of-range number is still a flow key; the machine rejects it and we name the valid range.
      return { type: 'answer', nonce: this.nonce, question: this.pending.questionId, option: option?.id ?? `choice_${key}` };
    }
    return undefined;
  }

  private async flow(action: FlowAction): Promise<string> {
    const step = await this.options.desk.flow(this.who, action);
    if (step.kind === 'question') [this.pending, this.nonce, this.flowOpen] = [step, step.nonce, true];
    else if (step.kind === 'result') [this.pending, this.nonce, this.flowOpen] = [undefined, step.nonce, true];
    else if (step.kind === 'expired') [this.pending, this.nonce, this.flowOpen] = [undefined, undefined, true];
    else if (step.kind === 'cancelled') [this.pending, this.nonce, this.flowOpen] = [undefined, undefined, false];
    if (step.kind === 'invalid' && this.pending) {
      const count = this.pending.options.length;
      return `Type a number from 1 to ${count} (or b, r, q).`;
    }
    return renderFlowStep(step);
  }

  private write(text: string): void {
    if (!this.options.output.writable) return;
    this.options.output.write(text);
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onEnd?.({ linesRead: this.linesRead });
  }
}

function isTerminal(stream: Readable | Writable): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
