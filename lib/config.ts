import { buildVariable, providerOrigins } from './build-defaults';

const env = import.meta.env as Partial<Record<string, string>>;

/** What this build was pointed at. */
export const config = {
  demo: {
    issuer: buildVariable(env, 'WXT_DEMO_ISSUER'),
    api: buildVariable(env, 'WXT_DEMO_API'),
    clientId: buildVariable(env, 'WXT_DEMO_CLIENT_ID'),
    origins: providerOrigins(env, 'demo'),
  },
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
} as const;
