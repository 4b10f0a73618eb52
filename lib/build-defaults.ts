/**
 * Build-time configuration (Vite env variables, see DESIGN.md) and its defaults. Read by
 * wxt.config.ts from the process environment and by lib/config.ts from `import.meta.env`.
 */
export const BUILD_DEFAULTS = {
  WXT_DEMO_ISSUER: 'http://127.0.0.1:8787',
  WXT_DEMO_API: 'http://127.0.0.1:8787/v3',
  WXT_DEMO_CLIENT_ID: 'event-scout',
  WXT_EVENTBRITE_CLIENT_ID: '',
  WXT_EVENTBRITE_AUTHORIZE: 'https://www.eventbrite.com/oauth/authorize',
  WXT_EVENTBRITE_API: 'https://www.eventbriteapi.com/v3',
  WXT_DEFAULT_PROVIDER: 'demo',
  WXT_TICKETMASTER_API: 'https://app.ticketmaster.com/discovery/v2',
  WXT_TICKETMASTER_API_KEY: '',
} as const;

export type BuildVariable = keyof typeof BUILD_DEFAULTS;

/** A variable's value, where an empty value counts only for those that may be empty on purpose. */
export function buildVariable(env: Partial<Record<string, string | undefined>>, name: BuildVariable): string {
  const value = env[name];
  if (value === undefined) return BUILD_DEFAULTS[name];
  const mayBeEmpty =
    name === 'WXT_DEFAULT_PROVIDER' ||
    name === 'WXT_EVENTBRITE_CLIENT_ID' ||
    name === 'WXT_TICKETMASTER_API_KEY';
  return value === '' && !mayBeEmpty ? BUILD_DEFAULTS[name] : value;
}

/** The build variables naming each provider's servers: the hosts its background requests go to. */
const PROVIDER_HOSTS = {
  demo: ['WXT_DEMO_ISSUER', 'WXT_DEMO_API'],
  eventbrite: ['WXT_EVENTBRITE_API'],
  // Discovery answers every origin (Access-Control-Allow-Origin: *): called under CORS, it needs no host
  // permission, so adding it warns nobody and disables no one's extension on update.
  ticketmaster: [],
} as const satisfies Record<string, readonly BuildVariable[]>;

/** A provider's host permissions (`<origin>/*`), for the manifest and for checking them at run time. */
export function providerOrigins(
  env: Partial<Record<string, string | undefined>>,
  provider: keyof typeof PROVIDER_HOSTS,
): string[] {
  return [
    ...new Set(PROVIDER_HOSTS[provider].map((name) => `${new URL(buildVariable(env, name)).origin}/*`)),
  ];
}
