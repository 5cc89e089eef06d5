/**
 * Handler work an adapter has started and not yet finished — from the event to the reply reaching the
 * platform — so `stop()` can let it finish: a question that arrived a moment before SIGTERM still gets
 * its answer. The one place in-flight work is counted (adapters track whole handlers; the Desk is not
 * wrapped for it, or a call would be counted twice).
 */
export class WorkInFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Work started and not yet settled. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves true once everything tracked so far has settled, or false when `timeoutMs` passes first. */
  async settle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    const all = Promise.allSettled([...this.running]).then(() => true as const);
    return Promise.race([all, timeout]).finally(() => clearTimeout(timer));
  }
}
