import { LOCAL_EVENTBRITE_CLIENT_ID } from './eventbrite-oauth.ts';
import { DEMO_TICKETMASTER_KEY } from './ticketmaster-api.ts';

/**
 * The build variables (lib/build-defaults.ts) that point a build at a demo server at `issuer`: the demo
 * provider, the local Eventbrite and the local Ticketmaster all. The demo's Ticketmaster key is built in
 * only when asked (`npm start` does; a test that wants Ticketmaster connected says so).
 */
export function demoBuildEnv(issuer: string, { ticketmasterKey = false } = {}): Record<string, string> {
  return {
    WXT_DEMO_ISSUER: issuer,
    WXT_DEMO_API: `${issuer}/v3`,
    WXT_EVENTBRITE_API: `${issuer}/v3`,
    WXT_EVENTBRITE_AUTHORIZE: `${issuer}/oauth/authorize`,
    WXT_EVENTBRITE_CLIENT_ID: LOCAL_EVENTBRITE_CLIENT_ID,
    WXT_TICKETMASTER_API: `${issuer}/discovery/v2`,
    WXT_TICKETMASTER_API_KEY: ticketmasterKey ? DEMO_TICKETMASTER_KEY : '',
  };
}
