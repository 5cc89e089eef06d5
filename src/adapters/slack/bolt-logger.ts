/** Bolt and its Web API client log through our pino logger, so 429 waits and signature failures show up. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    // Bolt and the WebClient log several debug lines per request: format only when someone listens.
    debug: (...msg: unknown[]) => logger.isLevelEnabled('debug') && logger.debug(text(msg)),
    info: (...msg: unknown[]) => logger.isLevelEnabled('info') && logger.info(text(msg)),
    warn: (...msg: unknown[]) => logger.warn(text(msg)),
    error: (...msg: unknown[]) => logger.error(text(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
