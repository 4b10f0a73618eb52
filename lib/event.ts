import { isProviderId, type ProviderId } from './provider-id';
import { isRecord } from './shape';

/** A moment in an event's own time zone (IANA name); the instant is `utc`. */
export interface EventTime {
  utc: string;
  timezone: string;
}

export interface EventVenue {
  name: string;
  city: string;
  address: string;
}

/** The one Event model: every provider turns its API into this, the cache stores it, the popup shows it. */
export interface Event {
  provider: ProviderId;
  id: string;
  title: string;
  summary: string;
  /** Only ever an http(s) URL; anything else is dropped when the event is read. */
  url: string | null;
  start: EventTime;
  end: EventTime | null;
  venue: EventVenue | null;
  online: boolean;
  free: boolean;
  imageUrl: string | null;
}

/** An http(s) URL as a string, or null: `javascript:`, `data:` and the like are never kept. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Lower case without accents, so "Zurich" finds "Zürich". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What a text search looks at: the title, the summary and the venue. */
export function eventSearchText(event: Pick<Event, 'title' | 'summary' | 'venue'>): string {
  return foldText([event.title, event.summary, event.venue?.name ?? '', event.venue?.city ?? ''].join(' \n'));
}

const isEventTime = (value: unknown): value is EventTime =>
  isRecord(value) && typeof value.utc === 'string' && !Number.isNaN(Date.parse(value.utc)) && typeof value.timezone === 'string';
const isVenue = (value: unknown): value is EventVenue =>
  isRecord(value) && typeof value.name === 'string' && typeof value.city === 'string' && typeof value.address === 'string';
// Stored URLs were made by safeHttpUrl; checking the scheme is enough (and cheap over 50,000 events).
const isOptionalUrl = (value: unknown) => value === null || (typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value));

/**
 * An Event as read back from the cache, or null when the record is not one this version wrote whole
 * (an older build's, or one cut short): such a record is skipped, never shown half.
 */
export function parseStoredEvent(raw: unknown): Event | null {
  if (!isRecord(raw) || !isProviderId(raw.provider) || typeof raw.id !== 'string' || typeof raw.title !== 'string' || typeof raw.summary !== 'string') return null;
  if (!isOptionalUrl(raw.url) || !isOptionalUrl(raw.imageUrl) || !isEventTime(raw.start) || !(raw.end === null || isEventTime(raw.end))) return null;
  if (!(raw.venue === null || isVenue(raw.venue)) || typeof raw.online !== 'boolean' || typeof raw.free !== 'boolean') return null;
  const { provider, id, title, summary, url, start, end, venue, online, free, imageUrl } = raw as unknown as Event;
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
