import { DEMO_ACCOUNTS } from './accounts.ts';
import type { DemoEvent } from './events-data.ts';

/**
 * The events side of the /v3 API over the generated data set: Eventbrite's retired search, and what
 * Eventbrite still offers a signed-in user (orders, organizations, organizer events). Pure functions
 * from query parameters to a response body, so they are easy to test; api.ts does the HTTP.
 */

export class ArgumentsError extends Error {}

export const SEARCH_PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  pagination: {
    object_count: number;
    page_number: number;
    page_size: number;
    page_count: number;
    has_more_items: boolean;
    continuation?: string;
  };
}

function encodeContinuation(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeContinuation(value: string | null): number {
  if (value === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new ArgumentsError('continuation: this continuation token is not valid.');
  return Number(match[1]);
}

export function paginate<T>(items: T[], params: URLSearchParams, pageSize = SEARCH_PAGE_SIZE): Page<T> {
  const offset = decodeContinuation(params.get('continuation'));
  const page = items.slice(offset, offset + pageSize);
  const hasMore = offset + pageSize < items.length;
  return {
    items: page,
    pagination: {
      object_count: items.length,
      page_number: Math.floor(offset / pageSize) + 1,
      page_size: pageSize,
      page_count: Math.max(1, Math.ceil(items.length / pageSize)),
      has_more_items: hasMore,
      ...(hasMore ? { continuation: encodeContinuation(offset + pageSize) } : {}),
    },
  };
}

function booleanParam(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === '' || value === 'false') return false;
  if (value === 'true' || value === 'on') return true;
  throw new ArgumentsError(`${name}: expected true or false.`);
}

/** Eventbrite's search took `YYYY-MM-DDThh:mm:ss`, with an optional Z (UTC either way). */
function dateParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/.test(value))
    throw new ArgumentsError(`${name}: expected YYYY-MM-DDThh:mm:ss.`);
  const time = Date.parse(value.endsWith('Z') ? value : `${value}Z`);
  if (Number.isNaN(time)) throw new ArgumentsError(`${name}: not a date.`);
  return time;
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function searchableText(event: DemoEvent): string {
  return fold(`${event.name.text} ${event.summary} ${event.venue?.name ?? ''}`);
}

/** Only what `expand` asks for is inlined, as on Eventbrite. */
export function shapeEvent(
  event: DemoEvent,
  expandVenue: boolean,
): Omit<DemoEvent, 'venue'> & { venue?: DemoEvent['venue'] } {
  if (expandVenue) return event;
  const { venue: _venue, ...rest } = event;
  return rest;
}

const expands = (params: URLSearchParams, what: string) =>
  (params.get('expand') ?? '').split(',').includes(what);

const SEARCH_PARAMS = new Set([
  'q',
  'location.address',
  'start_date.range_start',
  'start_date.range_end',
  'online_events_only',
  'price',
  'continuation',
  'expand',
  'sort_by',
]);

/** `GET /v3/events/search/`: the endpoint Eventbrite retired, kept alive here for the demo provider. */
export function searchEvents(events: readonly DemoEvent[], params: URLSearchParams, now: number) {
  for (const name of params.keys())
    if (!SEARCH_PARAMS.has(name)) throw new ArgumentsError(`${name}: unknown parameter.`);
  const words = fold(params.get('q') ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const place = fold(params.get('location.address') ?? '').trim();
  const rangeStart = dateParam(params, 'start_date.range_start') ?? now;
  const rangeEnd = dateParam(params, 'start_date.range_end');
  if (rangeEnd !== undefined && rangeEnd < rangeStart)
    throw new ArgumentsError('start_date.range_end: before range_start.');
  const onlineOnly = booleanParam(params, 'online_events_only');
  const price = params.get('price');
  if (price !== null && price !== 'free' && price !== 'paid')
    throw new ArgumentsError('price: expected free or paid.');
  if (params.get('q') !== null && params.get('q')!.length > 200) throw new ArgumentsError('q: too long.');

  const matches = events.filter((event) => {
    const start = Date.parse(event.start.utc);
    if (start < rangeStart || (rangeEnd !== undefined && start > rangeEnd)) return false;
    if (onlineOnly && !event.online_event) return false;
    if (price === 'free' && !event.is_free) return false;
    if (price === 'paid' && event.is_free) return false;
    if (
      place &&
      !(event.venue && fold(`${event.venue.address.city} ${event.venue.address.region}`).includes(place))
    )
      return false;
    if (words.length) {
      const text = searchableText(event);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
  const page = paginate(matches, params);
  return {
    pagination: page.pagination,
    events: page.items.map((event) => shapeEvent(event, expands(params, 'venue'))),
  };
}

/** Which events each demo account has tickets for, and which organizations they belong to. */
const ORDERS_EVERY: Record<string, number> = { '1001': 211, '1002': 397 };
const MEMBERSHIPS: Record<string, { id: string; name: string }[]> = {
  '1001': [],
  '1002': [{ id: '301', name: 'Riverside Arts Collective' }],
};

export function userOrders(events: readonly DemoEvent[], accountId: string, params: URLSearchParams) {
  const every = ORDERS_EVERY[accountId] ?? 500;
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.id === accountId);
  const orders = events
    .filter((_, index) => index % every === 7)
    .map((event, index) => ({
      id: String(9_000_000 + Number(accountId) * 1000 + index),
      created: event.created,
      changed: event.created,
      name: account ? `${account.firstName} ${account.lastName}` : '',
      first_name: account?.firstName ?? '',
      last_name: account?.lastName ?? '',
      email: account?.email ?? '',
      status: 'placed',
      event_id: event.id,
      ...(expands(params, 'event') || expands(params, 'event.venue')
        ? { event: shapeEvent(event, expands(params, 'event.venue')) }
        : {}),
    }));
  const page = paginate(orders, params);
  return { pagination: page.pagination, orders: page.items };
}

export function userOrganizations(accountId: string, params: URLSearchParams) {
  const page = paginate(MEMBERSHIPS[accountId] ?? [], params);
  return { pagination: page.pagination, organizations: page.items };
}

export function isMember(accountId: string, organizationId: string): boolean {
  return (MEMBERSHIPS[accountId] ?? []).some((organization) => organization.id === organizationId);
}

/**
 * Eventbrite's two ways to ask for upcoming or past events: `time_filter` (current_future, past) on
 * organization events, and `status` (live = on sale, not over; ended) on organizer events.
 */
function endFilter(params: URLSearchParams, name: 'time_filter' | 'status', now: number) {
  const words =
    name === 'time_filter' ? { future: 'current_future', past: 'past' } : { future: 'live', past: 'ended' };
  const value = params.get(name) ?? 'all';
  if (value === 'all') return () => true;
  if (value === words.future) return (event: DemoEvent) => Date.parse(event.end.utc) >= now;
  if (value === words.past) return (event: DemoEvent) => Date.parse(event.end.utc) < now;
  throw new ArgumentsError(`${name}: expected all, ${words.future} or ${words.past}.`);
}

/** `/organizations/{id}/events/` (with `name_filter`) and `/organizers/{id}/events/`, in start order. */
export function ownedEvents(
  events: readonly DemoEvent[],
  owner: { organizationId?: string; organizerId?: string },
  params: URLSearchParams,
  now: number,
) {
  const nameFilter = fold(params.get('name_filter') ?? '');
  const inTime = endFilter(params, 'time_filter', now);
  const inStatus = endFilter(params, 'status', now);
  const orderBy = params.get('order_by') ?? 'start_asc';
  if (orderBy !== 'start_asc' && orderBy !== 'start_desc')
    throw new ArgumentsError('order_by: expected start_asc or start_desc.');
  const pageSize = Number(params.get('page_size') ?? SEARCH_PAGE_SIZE);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200)
    throw new ArgumentsError('page_size: expected 1 to 200.');
  const owned = events.filter(
    (event) =>
      (owner.organizationId === undefined || event.organization_id === owner.organizationId) &&
      (owner.organizerId === undefined || event.organizer_id === owner.organizerId) &&
      inTime(event) &&
      inStatus(event) &&
      (!nameFilter || fold(event.name.text).includes(nameFilter)),
  );
  if (orderBy === 'start_desc') owned.reverse();
  const page = paginate(owned, params, pageSize);
  return {
    pagination: page.pagination,
    events: page.items.map((event) => shapeEvent(event, expands(params, 'venue'))),
  };
}
