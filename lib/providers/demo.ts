import { config } from '../config';
import { fetchEventbriteAccount } from './eventbrite-api';
import type { Provider } from './types';

/** The local demo provider: a real OAuth 2 server (code + PKCE) and Eventbrite-shaped APIs. */
export function demoProvider(): Provider {
  return {
    id: 'demo',
    label: 'Demo',
    auth: { kind: 'code', config: { issuer: config.demo.issuer, clientId: config.demo.clientId, scope: 'events:read' } },
    fetchAccount: (accessToken) => fetchEventbriteAccount(config.demo.api, accessToken),
  };
}
