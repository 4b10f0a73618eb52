import { describe, expect, test } from 'vitest';
import { BUILD_DEFAULTS, buildVariable } from '@/lib/build-defaults';
import { tokenTimes } from '@/lib/auth/token-lifetime';

describe('buildVariable', () => {
  test('uses the default when a variable is unset or empty', () => {
    expect(buildVariable({}, 'WXT_DEMO_ISSUER')).toBe(BUILD_DEFAULTS.WXT_DEMO_ISSUER);
    expect(buildVariable({ WXT_DEMO_ISSUER: '' }, 'WXT_DEMO_ISSUER')).toBe(BUILD_DEFAULTS.WXT_DEMO_ISSUER);
    expect(buildVariable({ WXT_DEMO_ISSUER: 'http://127.0.0.1:9' }, 'WXT_DEMO_ISSUER')).toBe(
      'http://127.0.0.1:9',
    );
  });

  test('an empty default provider means "ask on first run"', () => {
    expect(buildVariable({ WXT_DEFAULT_PROVIDER: '' }, 'WXT_DEFAULT_PROVIDER')).toBe('');
    expect(buildVariable({}, 'WXT_DEFAULT_PROVIDER')).toBe('demo');
  });
});

describe('tokenTimes', () => {
  test('refreshes a tenth of the lifetime early, at most a minute', () => {
    expect(tokenTimes(10, 0)).toEqual({ expiresAt: 10_000, refreshAt: 9_000 });
    expect(tokenTimes(3600, 0)).toEqual({ expiresAt: 3_600_000, refreshAt: 3_540_000 });
  });

  test.each([undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY])('no expiry for %s', (seconds) => {
    expect(tokenTimes(seconds, 0)).toEqual({});
  });
});
