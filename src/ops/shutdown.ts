/**
 * Graceful shutdown on SIGTERM/SIGINT: stop taking work, let in-flight work finish (bounded by
 * SHUTDOWN_GRACE_MS), close adapters and the store, exit 0. Steps run in order and each is bounded, so one
 * hung step cannot keep the process alive; a second signal exits at once for the impatient operator.
 */
import type { Logger } from './logger.ts';

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

export interface ShutdownOptions {
  logger: Logger;
  graceMs: number;
  /** Run in order; each gets what is left of the grace period (at least a short minimum). */
  steps: ShutdownStep[];
  /** Replaced in tests; defaults to process.exit. */
  exit?: (code: number) => void;
}

/** Floor per step so closing connections still gets a chance when the grace period is used up. */
const MIN_STEP_MS = 250;

function bounded(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([work.then(() => 'done' as const), timeout]).finally(() => clearTimeout(timer));
}

/** Runs the steps once, then exits with `exitCode` (default 0); later calls return the same promise. */
export function createShutdown(options: ShutdownOptions): (reason: string, exitCode?: number) => Promise<void> {
  let running: Promise<void> | undefined;
  const exit = options.exit ?? ((code: number) => process.exit(code));

  const run = async (reason: string, exitCode: number) => {
    const { logger } = options;
    const deadline = Date.now() + options.graceMs;
    logger.info({ event: 'shutdown', reason, graceMs: options.graceMs }, `${reason}: shutting down gracefully`);
    for (const step of options.steps) {
      const budget = Math.max(MIN_STEP_MS, deadline - Date.now());
      try {
        const outcome = await bounded(step.run(), budget);
        if (outcome === 'timeout') logger.warn({ step: step.name, ms: budget }, `shutdown step "${step.name}" ran out of time; moving on`);
      } catch (error) {
        logger.error({ err: error, step: step.name }, `shutdown step "${step.name}" failed; moving on`);
      }
    }
    logger.info({ event: 'shutdown-complete' }, 'shutdown complete, bye');
    logger.flush?.();
    exit(exitCode);
  };

  return (reason, exitCode = 0) => (running ??= run(reason, exitCode));
}

/** SIGTERM/SIGINT start the shutdown; a second signal during it exits immediately. */
export function shutdownOnSignals(shutdown: (reason: string) => Promise<void>, logger: Logger, exit = (code: number) => process.exit(code)): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, `${signal} again: exiting now without waiting`);
      logger.flush?.();
      exit(1);
      return;
    }
    signalled = true;
    void shutdown(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
