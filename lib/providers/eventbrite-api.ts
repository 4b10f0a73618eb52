import { exactStart, safeHttpUrl, type Event, type EventTime, type EventVenue } from '../event';
import { fetchWithRetry, parseRetryAfter } from '../retry-policy';
import { ProblemError } from '../problem';
import { ProviderError, type ProviderErrorCode } from './provider-error';
import type { RequestHooks } from './types';
import { isRecord, parseCoordinates } from '../shape';
import { validTimeZone } from '../zoned-time';
import type { Account } from '../settings';
import type { ProviderId } from '../provider-id';

/** Eventbrite's v3 API as the demo provider and Eventbrite itself speak it. */

function errorCode(status: number, error: unknown): ProviderErrorCode {
  switch (error) {
    case 'INVALID_AUTH':
    case 'INVALID_AUTH_HEADER':
    case 'NO_AUTH':
      return 'auth';
    case 'NOT_AUTHORIZED':
      return 'forbidden';
    case 'HIT_RATE_LIMIT':
      return 'rate-limit';
    case 'ARGUMENTS_ERROR':
    case 'BAD_REQUEST':
      return 'arguments';
    case 'NOT_FOUND':
      return 'not-found';
  }
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limit';
  if (status === 404) return 'not-found';
  return status >= 500 ? 'server' : 'arguments';
}

/** GET `${apiBase}${path}` with the bearer token, under the retry policy; the body as parsed JSON, or a ProviderError. */
export async function eventbriteGet(
  apiBase: string,
  path: string,
  accessToken: string,
  query?: URLSearchParams,
  hooks?: RequestHooks,
): Promise<unknown> {
  const url = new URL(`${apiBase.replace(/\/$/, '')}${path}`);
  if (query) url.search = query.toString();
  let response: Response;
  try {
    response = await fetchWithRetry(
      url,
      { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } },
      hooks,
    );
  } catch (error) {
    // A hook's refusal (sync's budget) says itself; anything else is the network's.
    if (error instanceof ProblemError) throw error;
    throw new ProviderError('network', String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (response.ok) throw new ProviderError('malformed', `${path}: body is not JSON`);
  }
  if (!response.ok) {
    const error = (body as { error?: unknown } | undefined)?.error;
    throw new ProviderError(
      errorCode(response.status, error),
      `${response.status} ${typeof error === 'string' ? error : ''}`,
      { retryAfter: parseRetryAfter(response.headers.get('retry-after')) },
    );
  }
  return body;
}

/** `GET /v3/events/{id}/` (Eventbrite's and the demo's alike), or null when it is not listed (404). */
export async function fetchEventbriteEvent(
  apiBase: string,
  id: string,
  accessToken: string,
  provider: ProviderId,
  hooks?: RequestHooks,
): Promise<Event | null> {
  let body: unknown;
  try {
    body = await eventbriteGet(
      apiBase,
      `/events/${encodeURIComponent(id)}/`,
      accessToken,
      new URLSearchParams({ expand: 'venue' }),
      hooks,
    );
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'not-found') return null;
    throw error;
  }
  const event = toEvent(body, provider);
  if (!event || event.id !== id) throw new ProviderError('malformed', `/events/${id}/: not that event`);
  return event;
}

/** `/users/me/` → the account the popup names. */
export function parseEventbriteUser(body: unknown): Account {
  if (!body || typeof body !== 'object') throw new ProviderError('malformed', 'user is not an object');
  const user = body as Record<string, unknown>;
  const id = typeof user.id === 'number' ? String(user.id) : text(user.id);
  if (!id) throw new ProviderError('malformed', 'user has no id');
  const emails: unknown[] = Array.isArray(user.emails) ? user.emails : [];
  const primary = emails.find((entry) => isRecord(entry) && entry.primary === true) ?? emails[0];
  const email = isRecord(primary) && typeof primary.email === 'string' ? primary.email : undefined;
  const fullName = [user.first_name, user.last_name]
    .filter((part) => typeof part === 'string' && part.trim())
    .join(' ');
  const name = (typeof user.name === 'string' && user.name.trim()) || fullName || email || `Account ${id}`;
  return { id, name, ...(email ? { email } : {}) };
}

export async function fetchEventbriteAccount(apiBase: string, accessToken: string): Promise<Account> {
  return parseEventbriteUser(await eventbriteGet(apiBase, '/users/me/', accessToken));
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A time as Eventbrite writes it; a missing or unknown zone reads as UTC, and `zoneGiven` says so. */
function eventTime(value: unknown): (EventTime & { zoneGiven: boolean }) | null {
  if (!isRecord(value)) return null;
  const utc = text(value.utc);
  if (!utc || Number.isNaN(Date.parse(utc))) return null;
  const zone = validTimeZone(value.timezone);
  return { utc: new Date(utc).toISOString(), timezone: zone ?? 'UTC', zoneGiven: zone !== null };
}

const withoutZoneFlag = ({ utc, timezone }: EventTime): EventTime => ({ utc, timezone });

function venue(value: unknown): EventVenue | null {
  if (!isRecord(value)) return null;
  const address = isRecord(value.address) ? value.address : {};
  const name = text(value.name);
  const city = text(address.city);
  const display =
    text(address.localized_address_display) || [text(address.address_1), city].filter(Boolean).join(', ');
  return name || city || display
    ? { name, city, address: display, coordinates: parseCoordinates(address.latitude, address.longitude) }
    : null;
}

/**
 * An Eventbrite v3 event as the common Event, or null when it lacks what an event needs (an id, a
 * name, a start). Optional parts may be missing or null; text stays text (never parsed as HTML).
 */
export function toEvent(raw: unknown, provider: ProviderId): Event | null {
  if (!isRecord(raw)) return null;
  const id = typeof raw.id === 'number' ? String(raw.id) : text(raw.id);
  const name = isRecord(raw.name) ? text(raw.name.text) : text(raw.name);
  const start = eventTime(raw.start);
  if (!id || !name || !start) return null;
  const online = raw.online_event === true;
  const end = eventTime(raw.end);
  return {
    provider,
    id,
    title: name,
    summary: text(raw.summary) || (isRecord(raw.description) ? text(raw.description.text) : ''),
    url: safeHttpUrl(raw.url),
    start: exactStart(withoutZoneFlag(start), start.zoneGiven ? 'event' : 'none'),
    end: end && withoutZoneFlag(end),
    venue: online ? null : venue(raw.venue),
    online,
    free: typeof raw.is_free === 'boolean' ? raw.is_free : null,
    // Eventbrite states prices per ticket class, which these lists do not expand.
    price: null,
    status: raw.status === 'canceled' ? 'cancelled' : 'scheduled',
    imageUrl: isRecord(raw.logo) ? safeHttpUrl(raw.logo.url) : null,
  };
}

export interface EventbriteList {
  items: unknown[];
  continuation?: string;
}

/** A paged list (`events`, `orders`, `organizations`) and its next continuation, if any. */
export function readList(body: unknown, key: string): EventbriteList {
  if (!isRecord(body) || !Array.isArray(body[key])) throw new ProviderError('malformed', `no ${key} list`);
  const pagination = isRecord(body.pagination) ? body.pagination : {};
  const continuation = pagination.has_more_items === true ? text(pagination.continuation) : '';
  return { items: body[key] as unknown[], ...(continuation ? { continuation } : {}) };
}

/** Events from a list, dropping the ones that cannot be shown. */
export function toEvents(items: unknown[], provider: ProviderId): Event[] {
  return items.map((item) => toEvent(item, provider)).filter((event): event is Event => event !== null);
}
