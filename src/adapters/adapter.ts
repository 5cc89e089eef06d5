/**
 * The lifecycle every chat adapter offers `src/main.ts`. Adapters import the core; the core never
 * imports them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route an adapter serves on the shared HTTP port (e.g. Slack's `POST /slack/events`). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface ChatAdapter {
  readonly name: 'slack' | 'discord' | 'console';
  /** Connects (gateway, socket) or prepares (HTTP mode); resolves once ready to take events. */
  start(): Promise<void>;
  /** Stops taking new work, waits (bounded) for in-flight work, disconnects. Idempotent. */
  stop(): Promise<void>;
  /** True while connected and able to answer; drives `/readyz`. */
  isReady(): boolean;
  /** Routes to mount on the shared HTTP server, if any. */
  readonly httpRoutes?: HttpRoute[];
}
