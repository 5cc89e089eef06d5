/**
 * Refused Slack requests (forged signature, stale or future timestamp, oversized, malformed) are logged as
 * a per-minute summary: the first refusal of a minute at once, with its reason, then one line with the
 * counts when the minute is over. A flood of forged requests therefore writes two lines a minute, not
 * one per request, and cannot fill the disk.
 */
import type { Logger } from 'pino';

export type RefusalReason = 'bad-signature' | 'bad-timestamp' | 'too-large' | 'read-timeout' | 'busy' | 'malformed';

export interface RefusalLog {
  record(reason: RefusalReason, detail: string, remote: string | undefined): void;
  /** Writes the pending summary now (shutdown) and stops the timer. */
  flush(): void;
}

export function createRefusalLog(logger: Logger, windowMs = 60_000): RefusalLog {
  let counts = new Map<RefusalReason, number>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // The first refusal of the window was logged on its own; summarise only when more followed.
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    if (total > 1) {
      logger.warn(
        { event: 'slack-refused-summary', windowSeconds: windowMs / 1000, total, byReason: Object.fromEntries(counts) },
        `${total} Slack requests refused in the last minute`,
      );
    }
    counts = new Map();
  };

  return {
    record(reason, detail, remote) {
      if (!timer) {
        logger.warn({ event: 'slack-refused', reason, remote }, `refused a Slack request (${reason}): ${detail}; further refusals this minute are summarised`);
        timer = setTimeout(flush, windowMs);
        timer.unref();
      }
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    },
    flush,
  };
}
