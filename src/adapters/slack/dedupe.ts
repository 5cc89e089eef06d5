/**
 * Exactly-once answers. Slack redelivers an event it thinks we missed (`X-Slack-Retry-Num`, same
 * `event_id`), and one message can arrive as two events (`app_mention` and `message.channels` for a
 * mention inside a thread). Both are claimed in the shared store — so it holds across replicas — and
 * kept for 15 minutes (Slack retries within ~5). If the store is down we answer rather than go silent.
 */
import type { Logger } from 'pino';
import type { Store } from '../../core/ports.ts';

export const DEDUPE_TTL_MS = 15 * 60_000;

/** True the first time `key` is seen; duplicates get false. Fails open when the store errors. */
export async function claimOnce(store: Store, logger: Logger, key: string, ttlMs = DEDUPE_TTL_MS): Promise<boolean> {
  try {
    return await store.claimOnce(`slack:${key}`, ttlMs);
  } catch (error) {
    logger.warn({ err: error, key }, 'Slack dedupe store unavailable; answering without dedupe');
    return true;
  }
}

/** Key of one delivery of one event (the same on every retry). */
export function eventKey(eventId: string): string {
  return `event:${eventId}`;
}

/** Key of one user message, whichever event type brought it. */
export function messageKey(channel: string, ts: string): string {
  return `msg:${channel}:${ts}`;
}
