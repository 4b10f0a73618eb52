import { describe, expect, test } from 'vitest';
import { tokenTimes } from '@/lib/auth/token-lifetime';

describe('tokenTimes', () => {
  test('refreshes a tenth of the lifetime early, at most a minute', () => {
    expect(tokenTimes(10, 0)).toEqual({ expiresAt: 10_000, refreshAt: 9_000 });
    expect(tokenTimes(3600, 0)).toEqual({ expiresAt: 3_600_000, refreshAt: 3_540_000 });
  });

  test.each([undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY])('no expiry for %s', (seconds) => {
    expect(tokenTimes(seconds, 0)).toEqual({});
  });
});
