import { config } from '../config';
import type { EventbriteSettings } from '../settings';
import { fetchEventbriteAccount } from './eventbrite-api';
import type { Provider } from './types';

/** Eventbrite: the client-side OAuth flow (no secret can ship), then the v3 API. */
export function eventbriteProvider(settings: EventbriteSettings): Provider {
  return {
    id: 'eventbrite',
    label: 'Eventbrite',
    auth: {
      kind: 'implicit',
      config: { authorizeUrl: config.eventbrite.authorize, clientId: settings.clientId.trim() || config.eventbrite.clientId },
    },
    fetchAccount: (accessToken) => fetchEventbriteAccount(config.eventbrite.api, accessToken),
  };
}
