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
  defaultProvider: buildVariable(env, 'WXT_DEFAULT_PROVIDER'),
} as const;
