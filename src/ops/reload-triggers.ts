/**
 * The process-level reload triggers: SIGHUP (what operators and `kill -HUP` expect) and, with KB_WATCH=1,
 * file changes in the knowledge folder. Both call the one `desk.reload(trigger)`; its observer logs the
 * outcome, so nothing is logged twice here. Editors save in bursts (temp file, rename, chmod), hence the
 * debounce: one reload after the folder has been quiet for `debounceMs`.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Desk } from '../core/ports.ts';
import type { Logger } from './logger.ts';

export interface WatchOptions {
  dir: string;
  debounceMs: number;
}

/** Reloads on SIGHUP until the returned function is called. */
export function reloadOnSighup(desk: Desk, logger: Logger): () => void {
  const onHup = () => {
    logger.info({ event: 'sighup' }, 'SIGHUP received: reloading knowledge');
    desk.reload('sighup').catch((error: unknown) => logger.error({ err: error }, 'SIGHUP reload failed'));
  };
  process.on('SIGHUP', onHup);
  return () => process.off('SIGHUP', onHup);
}

/** Watches the knowledge folder (recursively) and reloads once changes settle. Returns a stop function. */
export function reloadOnFileChange(desk: Desk, logger: Logger, options: WatchOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  let watcher: FSWatcher | undefined;

  const fire = () => {
    const files = [...changed].slice(0, 10);
    changed = new Set();
    logger.info({ event: 'kb-watch', files }, `knowledge files changed (${files.join(', ') || 'unknown'}): reloading`);
    desk.reload('watch').catch((error: unknown) => logger.error({ err: error }, 'watch reload failed'));
  };

  try {
    watcher = watch(options.dir, { recursive: true }, (_event, file) => {
      if (file) changed.add(String(file));
      clearTimeout(timer);
      timer = setTimeout(fire, options.debounceMs);
    });
    watcher.on('error', (error) => logger.error({ err: error, dir: options.dir }, 'KB_WATCH stopped: the knowledge folder cannot be watched'));
    logger.info({ dir: options.dir, debounceMs: options.debounceMs }, 'KB_WATCH on: knowledge reloads when files change');
  } catch (error) {
    logger.error({ err: error, dir: options.dir }, 'KB_WATCH could not start; reload with SIGHUP or /admin/reload instead');
  }

  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
