import type { Event } from '../event';
import {
  calendarDates,
  calendarLocation,
  DEFAULT_LENGTH_MS,
  nextDay,
  type CalendarDates,
} from './event-times';
import { utcStamp } from './ics';

/** Longer links are cut off or refused by browsers and servers along the way; Google's own limit is near. */
export const MAX_LINK_LENGTH = 2000;
const TITLE_CAP = 300;

/** Cuts `text` to at most `length` characters (whole code points), marking the cut. */
function cut(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}

/**
 * A link built by `make(details)` within MAX_LINK_LENGTH: the summary is shortened as little as needed
 * (searched by halves, since a character takes 1 to 12 in a link), and the event's page after it always
 * kept, since that is where the rest is.
 */
function withinLimit(event: Event, make: (details: string) => URL): string {
  const summary = event.summary.trim();
  const linkWith = (text: string) => make([text, event.url ?? ''].filter(Boolean).join('\n\n')).href;
  const whole = linkWith(summary);
  if (whole.length <= MAX_LINK_LENGTH) return whole;
  const characters = Array.from(summary);
  const shortened = (kept: number) => (kept ? `${characters.slice(0, kept).join('').trimEnd()}…` : '');
  // The most characters that fit: `fits` always does, `fails` never.
  let [fits, fails] = [0, characters.length];
  while (fails - fits > 1) {
    const middle = (fits + fails) >> 1;
    if (linkWith(shortened(middle)).length <= MAX_LINK_LENGTH) fits = middle;
    else fails = middle;
  }
  return linkWith(shortened(fits));
}

/** The end a calendar link needs: the stated one, else the start plus DEFAULT_LENGTH_MS. */
const endOrDefault = (dates: Extract<CalendarDates, { allDay: false }>): Date =>
  dates.end ?? new Date(dates.start.getTime() + DEFAULT_LENGTH_MS);

/** 20261203 → 2026-12-03 */
const isoDate = (compact: string): string =>
  `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;

/** Google Calendar's "add event" page for `event`, or null when its date is to be announced. */
export function googleCalendarLink(event: Event): string | null {
  const dates = calendarDates(event);
  if (!dates) return null;
  const range = dates.allDay
    ? `${dates.startDate}/${dates.endDate ?? nextDay(dates.startDate)}`
    : `${utcStamp(dates.start)}/${utcStamp(endOrDefault(dates))}`;
  return withinLimit(event, (details) => {
    const url = new URL('https://calendar.google.com/calendar/render');
    url.searchParams.set('action', 'TEMPLATE');
    url.searchParams.set('text', cut(event.title, TITLE_CAP));
    url.searchParams.set('dates', range);
    url.searchParams.set('details', details);
    url.searchParams.set('location', calendarLocation(event));
    return url;
  });
}

/** Outlook.com's "new event" page for `event`, or null when its date is to be announced. */
export function outlookCalendarLink(event: Event): string | null {
  const dates = calendarDates(event);
  if (!dates) return null;
  const [start, end] = dates.allDay
    ? [isoDate(dates.startDate), isoDate(dates.endDate ?? nextDay(dates.startDate))]
    : [
        dates.start.toISOString().replace(/\.\d{3}/, ''),
        endOrDefault(dates)
          .toISOString()
          .replace(/\.\d{3}/, ''),
      ];
  return withinLimit(event, (details) => {
    const url = new URL('https://outlook.live.com/calendar/deeplink/compose');
    url.searchParams.set('path', '/calendar/action/compose');
    url.searchParams.set('rru', 'addevent');
    url.searchParams.set('subject', cut(event.title, TITLE_CAP));
    url.searchParams.set('startdt', start);
    url.searchParams.set('enddt', end);
    if (dates.allDay) url.searchParams.set('allday', 'true');
    url.searchParams.set('body', details);
    url.searchParams.set('location', calendarLocation(event));
    return url;
  });
}
