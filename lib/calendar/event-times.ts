import { venueLine, type Event } from '../event';

/**
 * When an event goes in a calendar: an instant and maybe an end, or whole days (`YYYYMMDD`, the end
 * exclusive, as RFC 5545 and Google both count them) for an event known only by its date.
 */
export type CalendarDates =
  | { allDay: false; start: Date; end: Date | null }
  | { allDay: true; startDate: string; endDate: string | null };

/** The length calendar links give an event whose end the provider did not state (they require an end). */
export const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

const compactDate = (isoDate: string): string => isoDate.replaceAll('-', '');

/** The day after a `YYYYMMDD` (or `YYYY-MM-DD`) date, as `YYYYMMDD`. */
export function nextDay(date: string): string {
  const digits = compactDate(date);
  const day = new Date(Date.UTC(+digits.slice(0, 4), +digits.slice(4, 6) - 1, +digits.slice(6, 8) + 1));
  return day.toISOString().slice(0, 10).replaceAll('-', '');
}

/** The calendar day of an instant on a zone's clock, as `YYYYMMDD`. */
const dayIn = (instant: Date, timeZone: string): string =>
  compactDate(new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant));

/** An instant, or null when the text is not one. */
function instant(text: string): Date | null {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The event's dates for a calendar, or null when its date is to be announced (nothing to put in one). */
export function calendarDates(event: Pick<Event, 'start' | 'end'>): CalendarDates | null {
  const end = event.end ? instant(event.end.utc) : null;
  if (event.start.known === 'date' && event.start.date) {
    const startDate = compactDate(event.start.date);
    const lastDay = end && event.end ? dayIn(end, event.end.timezone) : null;
    return { allDay: true, startDate, endDate: lastDay && lastDay >= startDate ? nextDay(lastDay) : null };
  }
  const start = event.start.known === 'time' ? instant(event.start.utc) : null;
  if (!start) return null;
  return { allDay: false, start, end: end && end > start ? end : null };
}

/** Where it takes place, for a calendar: the venue and address, or the event's page for an online one. */
export function calendarLocation(event: Pick<Event, 'venue' | 'online' | 'url'>): string {
  if (event.online) return event.url ?? '';
  return event.venue ? venueLine(event.venue) : '';
}
