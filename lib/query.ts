import { foldText, type Event } from './event';
import { PROVIDER_IDS, type ProviderId } from './provider-id';
import { midnightIn, wallClock } from './zoned-time';

export const DATE_RANGES = ['any', 'today', 'weekend', 'week', 'month'] as const;
export type DateRangeName = (typeof DATE_RANGES)[number];

export interface SearchQuery {
  text: string;
  place: string;
  when: DateRangeName;
  onlineOnly: boolean;
  freeOnly: boolean;
  /** The providers to ask, in PROVIDER_IDS order; empty: every one connected, now or later. */
  sources: ProviderId[];
}

export const EMPTY_QUERY: SearchQuery = {
  text: '',
  place: '',
  when: 'any',
  onlineOnly: false,
  freeOnly: false,
  sources: [],
};

const MAX_TEXT = 200;

const tidy = (value: unknown) =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT) : '';

/** A query as typed (or as read back from storage) made tidy and complete. */
export function normalizeQuery(input: Partial<Record<keyof SearchQuery, unknown>>): SearchQuery {
  return {
    text: tidy(input.text),
    place: tidy(input.place),
    when: DATE_RANGES.includes(input.when as DateRangeName) ? (input.when as DateRangeName) : 'any',
    onlineOnly: input.onlineOnly === true,
    freeOnly: input.freeOnly === true,
    sources: Array.isArray(input.sources)
      ? PROVIDER_IDS.filter((id) => (input.sources as unknown[]).includes(id))
      : [],
  };
}

/** Whether a query asks `provider`: its sources name it, or name none. */
export const asks = (query: SearchQuery, provider: ProviderId): boolean =>
  query.sources.length === 0 || query.sources.includes(provider);

/**
 * The connected providers a query asks (asks); all of them when it names none that is
 * connected now (a saved search's provider since disconnected), so a search always asks someone.
 */
export function sourcesAsked(query: SearchQuery, connected: readonly ProviderId[]): ProviderId[] {
  const asked = connected.filter((provider) => asks(query, provider));
  return asked.length ? asked : [...connected];
}

/** Equal searches share a key: case, accents and spacing do not matter. */
export function queryKey(query: SearchQuery): string {
  const normalized = normalizeQuery(query);
  const key: unknown[] = [
    foldText(normalized.text),
    foldText(normalized.place),
    normalized.when,
    normalized.onlineOnly,
    normalized.freeOnly,
  ];
  // Only when it names some: a query asking everyone keeps the key it had before sources existed, which
  // the cache and the saved searches of earlier versions were written under.
  if (normalized.sources.length) key.push(normalized.sources);
  return JSON.stringify(key);
}

/**
 * A provider's answer to a query, as its cache records it: the key without the sources, which say whom
 * to ask rather than what; a provider answers the same words the same whoever else is asked.
 */
export const answerKey = (query: SearchQuery): string => queryKey({ ...query, sources: [] });

export interface TimeRange {
  start: Date;
  end?: Date;
}

/** The instant a zone's clock reads the given date at 00:00 plus `days`. */
function startOfDay(instant: Date, timeZone: string, days = 0): Date {
  const { year, month, day } = wallClock(instant, timeZone);
  return midnightIn(timeZone, year, month, day + days);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The time span a date filter means, from now, on the user's calendar. */
export function dateRange(when: DateRangeName, now: Date, timeZone: string): TimeRange {
  switch (when) {
    case 'any':
      return { start: now };
    case 'today':
      return { start: now, end: new Date(startOfDay(now, timeZone, 1).getTime() - 1) };
    case 'week':
      return { start: now, end: new Date(now.getTime() + 7 * 86_400_000) };
    case 'month':
      return { start: now, end: new Date(now.getTime() + 30 * 86_400_000) };
    case 'weekend': {
      const weekday = WEEKDAYS.indexOf(wallClock(now, timeZone).weekday);
      // Saturday and Sunday; on a weekend day, what is left of it.
      const untilSaturday = weekday === 0 ? -1 : 6 - weekday;
      const saturday = startOfDay(now, timeZone, untilSaturday);
      const monday = startOfDay(now, timeZone, untilSaturday + 2);
      return { start: saturday > now ? saturday : now, end: new Date(monday.getTime() - 1) };
    }
  }
}

/** Every filter but the text and the place: the date range, online only, free only. */
export function matchesFilters(event: Event, query: SearchQuery, range: TimeRange): boolean {
  const start = Date.parse(event.start.utc);
  if (start < range.start.getTime() || (range.end && start > range.end.getTime())) return false;
  return !(query.onlineOnly && !event.online) && !(query.freeOnly && !event.free);
}
