/**
 * Flow actions as short strings for Slack button values and Discord custom_ids (≤ 100 characters).
 * Format: `cf1|a|<nonce>|<question>|<option>`, `cf1|b|<nonce>`, `cf1|c|<nonce>`, `cf1|r`,
 * `cf1|s|goal=research,target=browser`. The version tag lets a later format reject old buttons cleanly.
 * Decoding is strict: anything else (garbage, tampered, too long) is `undefined`, never an exception.
 */
import type { FlowAction, FlowAnswers, QuestionId } from './types.ts';

const TAG = 'cf1';
const MAX_LENGTH = 100;
const ID = /^[a-z0-9_]{1,32}$/;
const NONCE = /^[A-Za-z0-9_-]{1,24}$/;
const QUESTIONS: readonly string[] = ['goal', 'target', 'hardware', 'domain', 'team'] satisfies QuestionId[];

/**
 * Encodes an action. Throws only for values the core itself never produces (ids outside the contract's
 * character set), because a silently broken button is worse than a failing test.
 *
 * @example encodeFlowAction({ type: 'back', nonce: 'k3J9aZ' }) // → 'cf1|b|k3J9aZ'
 */
export function encodeFlowAction(action: FlowAction): string {
  let encoded: string;
  switch (action.type) {
    case 'answer':
      encoded = [TAG, 'a', need(action.nonce, NONCE), need(action.question, ID), need(action.option, ID)].join('|');
      break;
    case 'back':
      encoded = [TAG, 'b', need(action.nonce, NONCE)].join('|');
      break;
    case 'cancel':
      encoded = [TAG, 'c', need(action.nonce, NONCE)].join('|');
      break;
    case 'restart':
      encoded = `${TAG}|r`;
      break;
    case 'start': {
      const preset = Object.entries(action.preset ?? {}).map(([q, o]) => `${need(q, ID)}=${need(String(o), ID)}`);
      encoded = preset.length > 0 ? `${TAG}|s|${preset.join(',')}` : `${TAG}|s`;
      break;
    }
  }
  if (encoded.length > MAX_LENGTH) throw new Error(`encoded flow action is ${encoded.length} characters; platforms allow ${MAX_LENGTH}`);
  return encoded;
}

function need(value: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new Error(`"${value}" cannot go into a button value — ids must match ${pattern}`);
  return value;
}

/** Decodes a string from `encodeFlowAction`; garbage → undefined. */
export function decodeFlowAction(text: unknown): FlowAction | undefined {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return undefined;
  const [tag, kind, ...rest] = text.split('|');
  if (tag !== TAG) return undefined;
  const [first, second, third] = rest;
  switch (kind) {
    case 'a':
      if (rest.length !== 3 || !NONCE.test(first ?? '') || !ID.test(second ?? '') || !ID.test(third ?? '')) return undefined;
      return { type: 'answer', nonce: first!, question: second!, option: third! };
    case 'b':
    case 'c':
      if (rest.length !== 1 || !NONCE.test(first ?? '')) return undefined;
      return { type: kind === 'b' ? 'back' : 'cancel', nonce: first! };
    case 'r':
      return rest.length === 0 ? { type: 'restart' } : undefined;
    case 's':
      return decodeStart(rest);
    default:
      return undefined;
  }
}

function decodeStart(rest: string[]): FlowAction | undefined {
  if (rest.length === 0) return { type: 'start' };
  if (rest.length !== 1 || !rest[0]) return undefined;
  const preset: FlowAnswers = {};
  for (const pair of rest[0].split(',')) {
    const [question, option, extra] = pair.split('=');
    if (extra !== undefined || !question || !option || !QUESTIONS.includes(question) || !ID.test(option)) return undefined;
    preset[question as QuestionId] = option;
  }
  return { type: 'start', preset };
}
