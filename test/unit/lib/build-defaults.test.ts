import { describe, expect, test } from 'vitest';
import { BUILD_DEFAULTS, buildConfig, buildConfigDefine, buildVariable } from '@/lib/build-defaults';

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

describe('buildConfig', () => {
  test('resolves every variable, and the hosts each provider is reached at', () => {
    const config = buildConfig({
      WXT_DEMO_ISSUER: 'http://127.0.0.1:9',
      WXT_DEMO_API: 'http://127.0.0.1:9/v3',
    });
    expect(config.demo).toEqual({
      issuer: 'http://127.0.0.1:9',
      api: 'http://127.0.0.1:9/v3',
      clientId: BUILD_DEFAULTS.WXT_DEMO_CLIENT_ID,
      origins: ['http://127.0.0.1:9/*'],
    });
    expect(config.eventbrite.origins).toEqual(['https://www.eventbriteapi.com/*']);
    expect(config.ticketmaster).toEqual({
      api: BUILD_DEFAULTS.WXT_TICKETMASTER_API,
      builtInKey: '',
      origins: [],
    });
  });

  test('a build that does not start on the demo provider has none: no loopback address in it', () => {
    const store = buildConfig({ WXT_DEFAULT_PROVIDER: '' });
    expect(store.demo).toEqual({ issuer: '', api: '', clientId: '', origins: [] });
    expect(JSON.stringify(store)).not.toContain('127.0.0.1');
    expect(store.defaultProvider).toBe('');
  });

  test('compiles in as one JSON value that reads back the same', () => {
    const env = { WXT_TICKETMASTER_API_KEY: 'built-in' };
    expect(JSON.parse(buildConfigDefine(env).__EVENT_SCOUT_CONFIG__!)).toEqual(buildConfig(env));
  });
});
