/**
 * "Share in channel": a private reply (answer or flow result) is kept in the store under a random key
 * that the button carries, because Slack does not send an ephemeral message's content back on a click.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../core/answer/types.ts';
import type { FlowStep } from '../../core/flow/types.ts';
import { parseStoredJson } from '../../core/stored-json.ts';
import type { HandlerContext } from './context.ts';

/** How long a private reply can still be shared. */
const SHARE_TTL_MS = 24 * 3_600_000;

export type Shareable = { kind: 'answer'; answer: Answer } | { kind: 'flow'; step: FlowStep };

export async function saveShare(ctx: HandlerContext, item: Shareable): Promise<string | undefined> {
  const key = randomUUID().replace(/-/g, '').slice(0, 16);
  try {
    await ctx.store.setSession(`slack:share:${key}`, JSON.stringify(item), SHARE_TTL_MS);
    return key;
  } catch (error) {
    // Without the store there is nothing to share later; the reply itself still goes out.
    ctx.logger.warn({ err: error }, 'Slack share not saved; replying without a Share button');
    return undefined;
  }
}

export async function loadShare(ctx: HandlerContext, key: string): Promise<Shareable | undefined> {
  if (!/^[0-9a-f]{16}$/.test(key)) return undefined;
  const raw = await ctx.store.getSession(`slack:share:${key}`);
  if (!raw) return undefined;
  const item = parseStoredJson<Shareable>(raw);
  if (item?.kind === 'answer' && typeof item.answer === 'object' && item.answer) return item as Shareable;
  if (item?.kind === 'flow' && typeof item.step === 'object' && item.step) return item as Shareable;
  // A corrupt or foreign value reads as "no longer available", never as a crash on a click.
  ctx.logger.warn({ key }, 'Slack share value unreadable; treated as expired');
  return undefined;
}
