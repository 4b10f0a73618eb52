import { eventSearchText, type Event, type EventTime, type EventVenue } from '../event';
import { isProviderId } from '../provider-id';
import { normalizeQuery } from '../query';
import { isFiniteNumber, isRecord, isStringArray } from '../shape';
import type { CachedEvent, CachedSearch, SyncRecord } from './db';

/**
 * Records as read back from IndexedDB. An older build's record, or one a crash cut short, reads as
 * missing (or, for an event without its search text, with the text made again): nothing half-formed
 * reaches the popup or the sync, and nothing throws.
 */

const isEventTime = (value: unknown): value is EventTime =>
  isRecord(value) &&
  typeof value.utc === 'string' &&
  !Number.isNaN(Date.parse(value.utc)) &&
  typeof value.timezone === 'string';
const isVenue = (value: unknown): value is EventVenue =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.city === 'string' &&
  typeof value.address === 'string';
// Stored URLs were made by safeHttpUrl (lib/event.ts); checking the scheme is enough (and cheap over 50,000 events).
const isOptionalUrl = (value: unknown) =>
  value === null || (typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value));

/**
 * An Event as read back from the cache, or null when the record is not one this version wrote whole
 * (an older build's, or one cut short): such a record is skipped, never shown half.
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
    !isEventTime(raw.start) ||
    !(raw.end === null || isEventTime(raw.end))
  )
    return null;
  if (
    !(raw.venue === null || isVenue(raw.venue)) ||
    typeof raw.online !== 'boolean' ||
    typeof raw.free !== 'boolean'
  )
    return null;
  const { provider, id, title, summary, url, start, end, venue, online, free, imageUrl } =
    raw as unknown as Event;
  return {
    provider,
    id,
    title,
    summary,
    url,
    start: { utc: start.utc, timezone: start.timezone },
    end: end && { utc: end.utc, timezone: end.timezone },
    venue: venue && { name: venue.name, city: venue.city, address: venue.address },
    online,
    free,
    imageUrl,
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
