import { describe, expect, test } from 'vitest';
import { BUILD_DEFAULTS, buildVariable } from '@/lib/build-defaults';

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
