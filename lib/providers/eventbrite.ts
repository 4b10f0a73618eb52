import { config } from '../config';
import type { Event } from '../event';
import type { SearchQuery, TimeRange } from '../query';
import { matchesQuery } from '../text-match';
import type { EventbriteSettings } from './eventbrite-settings';
import { isRecord } from '../shape';
import { ProviderError } from './provider-error';
import {
  eventbriteGet,
  fetchEventbriteAccount,
  fetchEventbriteEvent,
  readList,
  toEvent,
  toEvents,
  type EventbriteList,
} from './eventbrite-api';
import type { RequestHooks, SignInProvider, SearchPage } from './types';

/** How many of the user's organizations and followed organizers one search reads. */
const MAX_ORGANIZATIONS = 2;
export const MAX_ORGANIZERS = 5;

/**
 * Eventbrite closed its public search, so a search reads what a signed-in user can still reach: their
 * orders, their organizations' events (`name_filter` narrows those on the server) and the organizers
 * whose ids they entered. The lists are merged, de-duplicated and filtered locally by the rest of the
 * query. First page: 1 (organizations) + 1 (orders) + ≤ 2 + ≤ 5 = at most 9 requests; later pages
 * ask only the sources that have more.
 */
type Source = { kind: 'orders' } | { kind: 'organization'; id: string } | { kind: 'organizer'; id: string };

const sourceKey = (source: Source) => (source.kind === 'orders' ? 'orders' : `${source.kind}:${source.id}`);

function parseSourceKey(key: string): Source | null {
  if (key === 'orders') return { kind: 'orders' };
  const [kind, id] = key.split(':');
  if (!id || !/^\d+$/.test(id)) return null;
  return kind === 'organization' || kind === 'organizer' ? { kind, id } : null;
}

/** The cursor holds each source's continuation, so "More" asks only the sources that have more. */
function encodeCursor(continuations: Map<string, string>): string | undefined {
  return continuations.size ? btoa(JSON.stringify(Object.fromEntries(continuations))) : undefined;
}

function decodeCursor(cursor: string): Map<string, string> {
  try {
    const value: unknown = JSON.parse(atob(cursor));
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return new Map(
      Object.entries(value).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && parseSourceKey(entry[0]) !== null,
      ),
    );
  } catch {
    throw new ProviderError('arguments', 'unreadable cursor');
  }
}

const organizerIdsOf = (settings: EventbriteSettings) =>
  [...new Set(settings.organizerIds.filter((id) => /^\d+$/.test(id)))].slice(0, MAX_ORGANIZERS);

async function firstSources(
  settings: EventbriteSettings,
  accessToken: string,
  hooks?: RequestHooks,
): Promise<Source[]> {
  const organizations = readList(
    await eventbriteGet(config.eventbrite.api, '/users/me/organizations/', accessToken, undefined, hooks),
    'organizations',
  );
  const organizationIds = organizations.items
    .map((organization) => (isRecord(organization) ? organization.id : undefined))
    .map((id) => (typeof id === 'number' ? String(id) : typeof id === 'string' ? id : ''))
    .filter((id) => /^\d+$/.test(id))
    .slice(0, MAX_ORGANIZATIONS);
  return [
    { kind: 'orders' },
    ...organizationIds.map((id): Source => ({ kind: 'organization', id })),
    ...organizerIdsOf(settings).map((id): Source => ({ kind: 'organizer', id })),
  ];
}

async function readSource(
  source: Source,
  query: SearchQuery,
  continuation: string | undefined,
  accessToken: string,
  hooks?: RequestHooks,
): Promise<{ events: Event[]; list: EventbriteList }> {
  const get = (path: string, params: URLSearchParams) =>
    eventbriteGet(config.eventbrite.api, path, accessToken, params, hooks);
  const params = new URLSearchParams();
  if (continuation) params.set('continuation', continuation);
  if (source.kind === 'orders') {
    params.set('expand', 'event.venue');
    const list = readList(await get('/users/me/orders/', params), 'orders');
    const events = list.items
      .map((order) => toEvent((order as { event?: unknown })?.event, 'eventbrite'))
      .filter((event): event is Event => event !== null);
    return { events, list };
  }
  params.set('expand', 'venue');
  if (source.kind === 'organization') {
    params.set('time_filter', 'current_future');
    if (query.text) params.set('name_filter', query.text);
    const list = readList(await get(`/organizations/${source.id}/events/`, params), 'events');
    return { events: toEvents(list.items, 'eventbrite'), list };
  }
  params.set('status', 'live');
  params.set('order_by', 'start_asc');
  try {
    const list = readList(await get(`/organizers/${source.id}/events/`, params), 'events');
    return { events: toEvents(list.items, 'eventbrite'), list };
  } catch (error) {
    // An organizer id the user mistyped should not sink the whole search.
    if (error instanceof ProviderError && error.code === 'not-found')
      return { events: [], list: { items: [] } };
    throw error;
  }
}

export function eventbriteProvider(settings: EventbriteSettings): SignInProvider {
  return {
    id: 'eventbrite',
    auth: {
      kind: 'implicit',
      config: {
        authorizeUrl: config.eventbrite.authorize,
        clientId: settings.clientId.trim() || config.eventbrite.clientId,
      },
    },
    fetchAccount: (accessToken) => fetchEventbriteAccount(config.eventbrite.api, accessToken),
    async search(
      query: SearchQuery,
      range: TimeRange,
      cursor: string | undefined,
      accessToken: string,
      hooks?: RequestHooks,
    ): Promise<SearchPage> {
      const pending: [Source, string | undefined][] = cursor
        ? [...decodeCursor(cursor)].map(([key, continuation]) => [parseSourceKey(key)!, continuation])
        : (await firstSources(settings, accessToken, hooks)).map((source) => [source, undefined]);
      const pages = await Promise.all(
        pending.map(([source, continuation]) => readSource(source, query, continuation, accessToken, hooks)),
      );

      const next = new Map<string, string>();
      const merged = new Map<string, Event>();
      pages.forEach(({ events, list }, index) => {
        if (list.continuation) next.set(sourceKey(pending[index]![0]), list.continuation);
        for (const event of events) if (matchesQuery(event, query, range)) merged.set(event.id, event);
      });
      const events = [...merged.values()].sort((a, b) => a.start.utc.localeCompare(b.start.utc));
      return { events, cursor: encodeCursor(next) };
    },
    eventById: (id, accessToken, hooks) =>
      fetchEventbriteEvent(config.eventbrite.api, id, accessToken, 'eventbrite', hooks),
  };
}
