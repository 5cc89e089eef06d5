/**
 * Load for `bench/slack-e2e.ts`: signed `app_mention` POSTs to one bot, timed from the POST until the
 * answer reaches the Web API stand-in's chat.postMessage (matched by thread_ts), plus the ack (HTTP
 * response to the POST). Two shapes: open loop — a fixed rate whatever the bot is doing, as Slack sends —
 * and closed loop — N workers, each sending its next mention once the previous one is answered, which
 * finds the bot's saturated throughput. The CPU charged is the bot process's own (kernel accounting).
 */
import { appMention, nextTs } from '../tests/slack/payloads.ts';
import { signedHeaders } from '../tests/slack/signing.ts';
import type { SlackStandIn } from '../tests/slack/standin.ts';
import { processCpuMs } from './bot-process.ts';
import { CHAT_QUESTIONS } from './chat-questions.ts';

/** An answer not seen this long after its POST is counted lost. */
const ANSWER_TIMEOUT_MS = 10_000;
/**
 * Mentions come from this many users in turn, so the production rate limit (20 questions per user per
 * minute by default) never kicks in: at ~10,000 mentions a bench run, each user asks ~5 times.
 */
const USERS = 2_000;

export interface RunFigures {
  /** Milliseconds from each POST to its answer at chat.postMessage. */
  answers: number[];
  /** Milliseconds from each POST to its HTTP response. */
  acks: number[];
  lost: number;
  /** Answers posted a second time for the same mention (must be 0). */
  duplicates: number;
  /** First POST to last answer. */
  wallMs: number;
  /** CPU time the bot's process spent meanwhile. */
  cpuMs: number;
  /** CPU time this process (load generator + Web API stand-in) spent meanwhile. */
  driverCpuMs: number;
}

interface Mention {
  ts: string;
  body: string;
  headers: Record<string, string>;
}

let sent = 0;
/** Bodies and signatures are made before the clock starts, so the load generator's share is small. */
function prepare(count: number): Mention[] {
  return Array.from({ length: count }, () => {
    const i = sent++;
    const ts = nextTs();
    const user = `U0BENCH${String(i % USERS).padStart(4, '0')}`;
    const body = JSON.stringify(appMention({ text: CHAT_QUESTIONS[i % CHAT_QUESTIONS.length]!, ts, user }));
    return { ts, body, headers: signedHeaders(body, 'application/json') };
  });
}

/** Resolves each mention's wait when its answer arrives at the stand-in. */
function watchAnswers(standIn: SlackStandIn) {
  const pending = new Map<string, { started: number; arrived: () => void }>();
  const answered = new Set<string>();
  const answers: number[] = [];
  let duplicates = 0;
  standIn.onCall = (call) => {
    const ts = call.body.thread_ts;
    if (call.method !== 'chat.postMessage' || typeof ts !== 'string') return;
    const waiting = pending.get(ts);
    if (waiting) {
      answers.push(performance.now() - waiting.started);
      pending.delete(ts);
      answered.add(ts);
      waiting.arrived();
    } else if (answered.has(ts)) duplicates += 1;
  };
  return {
    answers,
    duplicates: () => duplicates,
    /** Resolves true when the answer to `ts` arrives, false after ANSWER_TIMEOUT_MS. */
    answerTo(ts: string, started: number): Promise<boolean> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(ts);
          resolve(false);
        }, ANSWER_TIMEOUT_MS);
        pending.set(ts, {
          started,
          arrived: () => {
            clearTimeout(timer);
            resolve(true);
          },
        });
      });
    },
    stop: () => {
      standIn.onCall = undefined;
    },
  };
}

/** One mention: POSTs it, records the ack time, resolves with whether the answer arrived. */
async function mention(url: string, m: Mention, watch: ReturnType<typeof watchAnswers>, acks: number[]): Promise<boolean> {
  const started = performance.now();
  const answered = watch.answerTo(m.ts, started);
  const res = await fetch(url, { method: 'POST', headers: m.headers, body: m.body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`the bot acked a signed mention with ${res.status}`);
  acks.push(performance.now() - started);
  return answered;
}

async function measure(
  standIn: SlackStandIn,
  target: Target,
  count: number,
  drive: (send: (m: Mention) => Promise<boolean>, mentions: Mention[]) => Promise<boolean[]>,
): Promise<RunFigures> {
  const mentions = prepare(count);
  const watch = watchAnswers(standIn);
  const acks: number[] = [];
  const cpuBefore = processCpuMs(target.pid);
  const driverBefore = process.cpuUsage();
  const begin = performance.now();
  try {
    const outcomes = await drive((m) => mention(target.url, m, watch, acks), mentions);
    const wallMs = performance.now() - begin;
    const driver = process.cpuUsage(driverBefore);
    return {
      answers: watch.answers,
      acks,
      lost: outcomes.filter((ok) => !ok).length,
      duplicates: watch.duplicates(),
      wallMs,
      cpuMs: processCpuMs(target.pid) - cpuBefore,
      driverCpuMs: (driver.user + driver.system) / 1000,
    };
  } finally {
    watch.stop();
  }
}

/** A bot under load: its process id (for CPU time) and its events URL. */
export interface Target {
  pid: number;
  url: string;
}

/** `rate` mentions per second for `seconds`, each sent on schedule whatever the earlier ones are doing. */
export function openLoop(standIn: SlackStandIn, target: Target, rate: number, seconds: number): Promise<RunFigures> {
  return measure(standIn, target, Math.round(rate * seconds), async (send, mentions) => {
    const begin = performance.now();
    const outcomes: Promise<boolean>[] = [];
    for (const [i, m] of mentions.entries()) {
      const wait = begin + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      outcomes.push(send(m));
    }
    return Promise.all(outcomes);
  });
}

/** `total` mentions through `concurrency` workers, each waiting for its answer before the next. */
export function closedLoop(standIn: SlackStandIn, target: Target, total: number, concurrency: number): Promise<RunFigures> {
  return measure(standIn, target, total, async (send, mentions) => {
    const outcomes: boolean[] = [];
    let next = 0;
    const worker = async () => {
      while (next < mentions.length) outcomes.push(await send(mentions[next++]!));
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return outcomes;
  });
}
