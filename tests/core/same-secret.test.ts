import { describe, expect, it } from 'vitest';
import { sameSecret } from '../../src/core/same-secret.ts';

describe('sameSecret', () => {
  it('accepts only the identical secret', () => {
    expect(sameSecret('s3cret-token', 's3cret-token')).toBe(true);
    expect(sameSecret('s3cret-tokeN', 's3cret-token')).toBe(false);
    expect(sameSecret('s3cret-toke', 's3cret-token')).toBe(false);
  });

  it('compares secrets of any lengths and characters without throwing', () => {
    // timingSafeEqual throws on unequal lengths; hashing first is what keeps a short guess from crashing the check.
    expect(sameSecret('', 'x'.repeat(500))).toBe(false);
    expect(sameSecret('ü', 'u')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });
});
