/**
 * What happens to a store failure in ops: every one is counted in `fdesk_store_failures_total`; the log
 * gets the first failure of each operation, then at most one line per interval with how many were
 * suppressed — a busy bot would otherwise write one warning per question while Redis is down.
 */
import type { Logger } from './logger.ts';
import type { DeskMetrics } from './metrics.ts';

const WARN_EVERY_MS = 10_000;

export function reportStoreFailures(logger: Logger, metrics: DeskMetrics): (operation: string, error: unknown) => void {
  const lastWarned = new Map<string, { at: number; suppressed: number }>();
  return (operation, error) => {
    metrics.storeFailures.inc({ operation });
    const seen = lastWarned.get(operation);
    const now = Date.now();
    if (seen && now - seen.at < WARN_EVERY_MS) {
      seen.suppressed += 1;
      return;
    }
    const suppressed = seen?.suppressed ?? 0;
    lastWarned.set(operation, { at: now, suppressed: 0 });
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(
      { event: 'store-failure', operation, suppressed, error: message },
      `Redis unavailable for ${operation} (${message}); continuing fail-open${suppressed ? `, ${suppressed} more since the last warning` : ''}`,
    );
  };
}
