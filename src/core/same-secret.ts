/**
 * One constant-time comparison for every secret we check: admin tokens, CSRF and session tokens,
 * Slack request signatures and OAuth state signatures. Both sides are hashed first so `timingSafeEqual`
 * gets equal lengths and the response time leaks neither how much matched nor how long the secret is.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** True when two secrets are equal, compared in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
