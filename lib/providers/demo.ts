import { config } from '../config';
import type { SearchQuery, TimeRange } from '../query';
import {
  eventbriteGet,
  fetchEventbriteAccount,
  fetchEventbriteEvent,
  readList,
  toEvents,
} from './eventbrite-api';
import type { SignInProvider, SearchPage } from './types';

/** Eventbrite's search took UTC times without a zone suffix, to the second. */
const searchTime = (date: Date) => date.toISOString().slice(0, 19);

export function searchParameters(query: SearchQuery, range: TimeRange, cursor?: string): URLSearchParams {
  const params = new URLSearchParams({ expand: 'venue', 'start_date.range_start': searchTime(range.start) });
  if (query.text) params.set('q', query.text);
  if (query.place) params.set('location.address', query.place);
  if (range.end) params.set('start_date.range_end', searchTime(range.end));
  if (query.onlineOnly) params.set('online_events_only', 'true');
  if (query.freeOnly) params.set('price', 'free');
  if (cursor) params.set('continuation', cursor);
  return params;
}

/** The local demo provider: a real OAuth 2 server (code + PKCE) and Eventbrite's search, one request a page. */
export function demoProvider(): SignInProvider {
  return {
    id: 'demo',
    auth: {
      kind: 'code',
      config: { issuer: config.demo.issuer, clientId: config.demo.clientId, scope: 'events:read' },
    },
    fetchAccount: (accessToken) => fetchEventbriteAccount(config.demo.api, accessToken),
    async search(query, range, cursor, accessToken, hooks): Promise<SearchPage> {
      const body = await eventbriteGet(
        config.demo.api,
        '/events/search/',
        accessToken,
        searchParameters(query, range, cursor),
        hooks,
      );
      const list = readList(body, 'events');
      return { events: toEvents(list.items, 'demo'), cursor: list.continuation };
    },
    eventById: (id, accessToken, hooks) =>
      fetchEventbriteEvent(config.demo.api, id, accessToken, 'demo', hooks),
  };
}
