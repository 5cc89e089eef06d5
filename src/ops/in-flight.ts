/**
 * Counts Desk calls still running, so shutdown can wait for them: a question that arrived a moment before
 * SIGTERM still gets its answer. Wraps the Desk the adapters receive; everything else passes through.
 */
import type { Desk } from '../core/ports.ts';

export interface TrackedDesk extends Desk {
  /** Calls started and not yet settled. */
  inFlight(): number;
  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function trackInFlight(inner: Desk): TrackedDesk {
  let pending = 0;
  let waiters: (() => void)[] = [];

  const track = <T>(work: () => Promise<T>): Promise<T> => {
    pending += 1;
    let promise: Promise<T>;
    try {
      promise = work();
    } catch (error) {
      promise = Promise.reject(error);
    }
    return promise.finally(() => {
      pending -= 1;
      if (pending === 0) {
        const ready = waiters;
        waiters = [];
        for (const wake of ready) wake();
      }
    });
  };

  return {
    ask: (question, who) => track(() => inner.ask(question, who)),
    flow: (who, action) => track(() => inner.flow(who, action)),
    reload: (trigger) => track(() => inner.reload(trigger)),
    recordFeedback: (answerId, vote, who) => track(() => inner.recordFeedback(answerId, vote, who)),
    report: (limit) => track(() => inner.report(limit)),
    suggestTopics: (prefix, limit) => inner.suggestTopics(prefix, limit),
    status: () => inner.status(),
    describeKnowledge: () => inner.describeKnowledge(),
    inFlight: () => pending,
    drain: (timeoutMs) =>
      pending === 0
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
  };
}
