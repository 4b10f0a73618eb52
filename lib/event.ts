import type { ProviderId } from './provider-id';

/** A moment in an event's own time zone (IANA name); the instant is `utc`. */
export interface EventTime {
  utc: string;
  timezone: string;
}

/**
 * Where an event's time zone came from: the event, its venue, or neither (then `timezone` is UTC, and
 * the popup says the zone was not given rather than pass UTC off as the venue's).
 */
export type ZoneSource = 'event' | 'venue' | 'none';

/**
 * When an event starts, as far as the provider knows it. `time`: `utc` is the start. `date`: only the
 * local `date` (YYYY-MM-DD) is known, the time is to be announced. `none`: the date is to be announced.
 * For `date` and `none`, `utc` only orders and filters the event (that date's first moment in
 * `timezone`; after every dated event) and is never shown as a time.
 */
export interface EventStart extends EventTime {
  known: 'time' | 'date' | 'none';
  date?: string;
  zoneSource: ZoneSource;
}

/** Where an unannounced date sorts: after every announced one. */
export const DATE_TBA_ORDER = '9999-12-31T00:00:00.000Z';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface EventVenue {
  name: string;
  city: string;
  address: string;
  coordinates: Coordinates | null;
}

/** A price range in one currency (ISO 4217), as the provider states it. */
export interface PriceRange {
  min: number;
  max: number;
  currency: string;
}

/** Whether the event takes place as announced; tickets being on sale or not is no status of the event. */
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The one Event model: every provider turns its API into this, the cache stores it, the popup shows it. */
export interface Event {
  provider: ProviderId;
  id: string;
  title: string;
  summary: string;
  /** Only ever an http(s) URL; anything else is dropped when the event is read. */
  url: string | null;
  start: EventStart;
  end: EventTime | null;
  venue: EventVenue | null;
  online: boolean;
  /** Null when the provider does not say (Ticketmaster has no free flag: no price is not "Free"). */
  free: boolean | null;
  price: PriceRange | null;
  status: EventStatus;
  imageUrl: string | null;
}

/** "Salle Pleyel, 252 Rue du Faubourg Saint-Honoré, Paris": the venue and its address (its city without one). */
export const venueLine = (venue: EventVenue): string =>
  [venue.name, venue.address || venue.city].filter(Boolean).join(', ');

/** A start known to the second, in a zone the event named. */
export const exactStart = (time: EventTime, zoneSource: ZoneSource = 'event'): EventStart => ({
  ...time,
  known: 'time',
  zoneSource,
});

/** The value of a result's `time[datetime]`: the start instant, or the local date when only that is known. */
export function startDatetime(start: EventStart): string | null {
  if (start.known === 'time') return start.utc;
  return start.known === 'date' ? (start.date ?? null) : null;
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
