import {
  EVENT_STATUSES,
  eventSearchText,
  exactStart,
  type Coordinates,
  type Event,
  type EventStart,
  type EventTime,
  type EventVenue,
  type PriceRange,
} from '../event';
import { isProviderId } from '../provider-id';
import { normalizeQuery } from '../query';
import { isFiniteNumber, isOneOf, isRecord, isStringArray } from '../shape';
import type { CachedEvent, CachedSearch, SyncRecord } from './db';

/**
 * Records as read back from IndexedDB. An older build's record, or one a crash cut short, reads as
 * missing (or, for an event without its search text, with the text made again): nothing half-formed
 * reaches the popup or the sync, and nothing throws.
 */

export const isEventTime = (value: unknown): value is EventTime =>
  isRecord(value) &&
  typeof value.utc === 'string' &&
  !Number.isNaN(Date.parse(value.utc)) &&
  typeof value.timezone === 'string';
export const isEventStart = (value: unknown): value is EventStart =>
  isEventTime(value) &&
  isOneOf(['time', 'date', 'none'], (value as Partial<EventStart>).known) &&
  isOneOf(['event', 'venue', 'none'], (value as Partial<EventStart>).zoneSource) &&
  ((value as Partial<EventStart>).known !== 'date' || isLocalDate((value as Partial<EventStart>).date));
const isLocalDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isCoordinates = (value: unknown): value is Coordinates =>
  isRecord(value) && isFiniteNumber(value.latitude) && isFiniteNumber(value.longitude);
const isVenue = (value: unknown): value is EventVenue =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.city === 'string' &&
  typeof value.address === 'string' &&
  (value.coordinates === null || isCoordinates(value.coordinates));
const isPrice = (value: unknown): value is PriceRange =>
  isRecord(value) &&
  isFiniteNumber(value.min) &&
  isFiniteNumber(value.max) &&
  typeof value.currency === 'string';
// Stored URLs were made by safeHttpUrl (lib/event.ts); checking the scheme is enough (and cheap over 50,000 events).
const isOptionalUrl = (value: unknown) =>
  value === null || (typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value));

/**
 * An Event as read back from the cache, or null when the record is not one this version wrote whole
 * (one cut short, or an older build's the upgrade did not reach): such a record is skipped, never shown half.
 */
export function parseStoredEvent(raw: unknown): Event | null {
  if (
    !isRecord(raw) ||
    !isProviderId(raw.provider) ||
    typeof raw.id !== 'string' ||
    typeof raw.title !== 'string' ||
    typeof raw.summary !== 'string'
  )
    return null;
  if (
    !isOptionalUrl(raw.url) ||
    !isOptionalUrl(raw.imageUrl) ||
    !isEventStart(raw.start) ||
    !(raw.end === null || isEventTime(raw.end))
  )
    return null;
  if (
    !(raw.venue === null || isVenue(raw.venue)) ||
    typeof raw.online !== 'boolean' ||
    !(raw.free === null || typeof raw.free === 'boolean') ||
    !(raw.price === null || isPrice(raw.price)) ||
    !isOneOf(EVENT_STATUSES, raw.status)
  )
    return null;
  const { provider, id, title, summary, url, start, end, venue, online, free, price, status, imageUrl } =
    raw as unknown as Event;
  return {
    provider,
    id,
    title,
    summary,
    url,
    start: {
      utc: start.utc,
      timezone: start.timezone,
      known: start.known,
      ...(start.known === 'date' ? { date: start.date } : {}),
      zoneSource: start.zoneSource,
    },
    end: end && { utc: end.utc, timezone: end.timezone },
    venue: venue && {
      name: venue.name,
      city: venue.city,
      address: venue.address,
      coordinates: venue.coordinates && {
        latitude: venue.coordinates.latitude,
        longitude: venue.coordinates.longitude,
      },
    },
    online,
    free,
    price: price && { min: price.min, max: price.max, currency: price.currency },
    status,
    imageUrl,
  };
}

/**
 * A cached event of schema version 3 or older (0.1.0) in today's model: every start then was exact and
 * in the event's zone, no venue had coordinates, no price was known, and nothing was cancelled (the
 * provider's list only held live events). Anything else is returned as it is, for the parser to judge.
 */
export function upgradeStoredEvent(raw: unknown): unknown {
  if (!isRecord(raw) || !isEventTime(raw.start) || 'known' in raw.start) return raw;
  return {
    ...raw,
    start: exactStart({ utc: raw.start.utc, timezone: raw.start.timezone }),
    venue: isRecord(raw.venue) ? { ...raw.venue, coordinates: null } : raw.venue,
    price: null,
    status: 'scheduled',
  };
}

export function parseCachedEvent(raw: unknown): CachedEvent | null {
  const event = parseStoredEvent(raw);
  if (!event) return null;
  const text = (raw as { text?: unknown }).text;
  return { ...event, text: typeof text === 'string' ? text : eventSearchText(event) };
}

export function parseCachedSearch(raw: unknown): CachedSearch | null {
  if (
    !isRecord(raw) ||
    !isProviderId(raw.provider) ||
    typeof raw.key !== 'string' ||
    !isRecord(raw.query) ||
    !isStringArray(raw.eventIds)
  )
    return null;
  if (
    !isFiniteNumber(raw.fetchedAt) ||
    !isFiniteNumber(raw.lastUsedAt) ||
    !(raw.cursor === undefined || typeof raw.cursor === 'string')
  )
    return null;
  return {
    provider: raw.provider,
    key: raw.key,
    query: normalizeQuery(raw.query),
    eventIds: raw.eventIds,
    ...(raw.cursor ? { cursor: raw.cursor } : {}),
    fetchedAt: raw.fetchedAt,
    lastUsedAt: raw.lastUsedAt,
  };
}

export function parseSyncRecord(raw: unknown): SyncRecord | null {
  if (
    !isRecord(raw) ||
    typeof raw.savedId !== 'string' ||
    !isProviderId(raw.provider) ||
    !isStringArray(raw.seenIds) ||
    !isStringArray(raw.newIds)
  )
    return null;
  if (!(raw.horizon === null || (typeof raw.horizon === 'string' && !Number.isNaN(Date.parse(raw.horizon)))))
    return null;
  return {
    savedId: raw.savedId,
    provider: raw.provider,
    seenIds: raw.seenIds,
    newIds: raw.newIds,
    horizon: raw.horizon,
    ...(isFiniteNumber(raw.lastSyncedAt) ? { lastSyncedAt: raw.lastSyncedAt } : {}),
  };
}
