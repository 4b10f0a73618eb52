import type { ProviderId } from './provider-id';

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
