/**
 * Build-time configuration (environment variables, see DESIGN.md) and its defaults, resolved in Node by
 * wxt.config.ts and compiled into the bundles whole (buildConfigDefine), so the pages and the worker
 * carry the values this build was pointed at, not the table of defaults; the tests set the same value
 * (test/support/build-config.ts).
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

type Env = Partial<Record<string, string | undefined>>;

/** A variable's value, where an empty value counts only for those that may be empty on purpose. */
export function buildVariable(env: Env, name: BuildVariable): string {
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

/** What a build was pointed at, every variable resolved: lib/config.ts's `config`. */
export function buildConfig(env: Env) {
  // The demo provider (a server on loopback) only in builds that start on it: the store package is built
  // without it (DESIGN.md), and carries no loopback address and no permission for one.
  const startsOnDemo = buildVariable(env, 'WXT_DEFAULT_PROVIDER') === 'demo';
  return {
    demo: startsOnDemo
      ? {
          issuer: buildVariable(env, 'WXT_DEMO_ISSUER'),
          api: buildVariable(env, 'WXT_DEMO_API'),
          clientId: buildVariable(env, 'WXT_DEMO_CLIENT_ID'),
          origins: providerOrigins(env, 'demo'),
        }
      : { issuer: '', api: '', clientId: '', origins: [] as string[] },
    eventbrite: {
      clientId: buildVariable(env, 'WXT_EVENTBRITE_CLIENT_ID'),
      authorize: buildVariable(env, 'WXT_EVENTBRITE_AUTHORIZE'),
      api: buildVariable(env, 'WXT_EVENTBRITE_API'),
      origins: providerOrigins(env, 'eventbrite'),
    },
    ticketmaster: {
      api: buildVariable(env, 'WXT_TICKETMASTER_API'),
      /** A key built in by whoever distributes this build; the user's own key (Options) comes first. */
      builtInKey: buildVariable(env, 'WXT_TICKETMASTER_API_KEY'),
      origins: providerOrigins(env, 'ticketmaster'),
    },
    defaultProvider: buildVariable(env, 'WXT_DEFAULT_PROVIDER'),
  };
}

export type BuildConfig = ReturnType<typeof buildConfig>;

/**
 * Where event images may come from: the providers' image hosts and nothing else, since in a hostile
 * provider's hands an image is a beacon. The demo's images name a made-up host of its own.
 */
const IMAGE_ORIGINS = {
  demo: ['https://demo.event-scout.test'],
  eventbrite: ['https://img.evbuc.com', 'https://cdn.evbuc.com'],
  ticketmaster: ['https://s1.ticketm.net'],
} as const;

/**
 * The extension pages' Content Security Policy: MV3's own script rules, and images from the providers'
 * image hosts alone (the demo's only in builds that carry it). No default-src: the worker's requests go
 * where the host permissions and CORS let them.
 */
export function extensionPagesPolicy(config: BuildConfig): string {
  const images = [
    ...(config.demo.issuer ? IMAGE_ORIGINS.demo : []),
    ...IMAGE_ORIGINS.eventbrite,
    ...IMAGE_ORIGINS.ticketmaster,
  ];
  return `script-src 'self'; object-src 'self'; img-src 'self' ${images.join(' ')}`;
}

/** The Vite `define` that compiles the resolved configuration in, read by lib/config.ts. */
export const buildConfigDefine = (env: Env): Record<string, string> => ({
  __EVENT_SCOUT_CONFIG__: JSON.stringify(buildConfig(env)),
});

/** A provider's host permissions (`<origin>/*`), for the manifest and for checking them at run time. */
export function providerOrigins(env: Env, provider: keyof typeof PROVIDER_HOSTS): string[] {
  return [
    ...new Set(PROVIDER_HOSTS[provider].map((name) => `${new URL(buildVariable(env, name)).origin}/*`)),
  ];
}
