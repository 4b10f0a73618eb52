import type { Event, EventStatus } from '../event';
import { calendarDates, calendarLocation, type CalendarDates } from './event-times';

/**
 * RFC 5545 calendars, written by hand: what an event needs is a dozen properties, and the libraries
 * made for it (ical-generator, ics) weigh more than the whole Details script and still leave the
 * folding of UTF-8 and the stable UIDs to check. Times are written in UTC (RFC 5545 §3.3.5 form 2),
 * which every calendar reads as the same instant without a VTIMEZONE; date-only events are all-day.
 */

/** One event of a calendar file; `sequence` is raised each time its time changed (RFC 5545 §3.8.7.4). */
export interface CalendarEntry {
  event: Event;
  sequence: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** RFC 5545 §3.3.11: a TEXT value with its backslashes, separators and line breaks escaped, no controls. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, ''); // every control but the tab
}

/**
 * RFC 5545 §3.1: a content line folded to 75 octets per line (a continuation's leading space counted),
 * never inside a UTF-8 character; whole code points are measured, so a surrogate pair stays together.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** 20261203T170000Z: an instant in UTC, to the second. */
export const utcStamp = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');

/** STATUS (RFC 5545 §3.8.1.11): how a calendar shows whether the event takes place. */
const CALENDAR_STATUS: Record<EventStatus, string> = {
  scheduled: 'CONFIRMED',
  rescheduled: 'CONFIRMED',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
};

/** An event's stable identity across exports and browsers: a calendar updates it rather than adding a twin. */
export const calendarUid = (event: Pick<Event, 'provider' | 'id'>): string =>
  `${event.provider}-${event.id}@event-scout`;

function timeProperties(dates: CalendarDates): string[] {
  if (dates.allDay)
    return [
      `DTSTART;VALUE=DATE:${dates.startDate}`,
      ...(dates.endDate ? [`DTEND;VALUE=DATE:${dates.endDate}`] : []),
    ];
  return [
    `DTSTART:${utcStamp(dates.start)}`,
    // No DTEND when the provider gave no end: the calendar shows a start, not an invented length.
    ...(dates.end ? [`DTEND:${utcStamp(dates.end)}`] : []),
  ];
}

function eventLines({ event, sequence }: CalendarEntry, dates: CalendarDates, now: Date): string[] {
  const location = calendarLocation(event);
  const description = [event.summary.trim(), event.url ?? ''].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(calendarUid(event))}`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${sequence}`,
    ...timeProperties(dates),
    `SUMMARY:${escapeText(event.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    ...(event.venue?.coordinates
      ? [`GEO:${event.venue.coordinates.latitude};${event.venue.coordinates.longitude}`]
      : []),
    // lib/event.ts keeps http(s) URLs only, as URL.href gives them: no line break or space to escape.
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${CALENDAR_STATUS[event.status]}`,
    'END:VEVENT',
  ];
}

/**
 * One calendar with every entry that has a date (an event whose date is to be announced cannot be put in
 * a calendar and is left out); `now` is the DTSTAMP.
 */
export function calendarFile(entries: readonly CalendarEntry[], now: Date, productVersion: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Event Scout//Event Scout ${productVersion}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const entry of entries) {
    const dates = calendarDates(entry.event);
    if (dates) lines.push(...eventLines(entry, dates, now));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * The file as a `data:` URL: unlike a `blob:` URL it outlives the page that made it, so a download still
 * starts when the browser asks where to save and the popup closes meanwhile; and it needs no `downloads`
 * permission (which would warn, and disable the extension on the update adding it).
 */
export const calendarDataUrl = (text: string): string =>
  `data:text/calendar;charset=utf-8,${encodeURIComponent(text)}`;

/** "Harbor lights - Berlin.ics": the title, less what a file name may not hold, within 60 characters. */
export function calendarFileName(title: string): string {
  const safe = Array.from(
    title
      .replace(/[\p{Cc}/\\?%*:|"<>]/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[.\s]+/, ''),
  )
    .slice(0, 60)
    .join('')
    .trim();
  return `${safe || 'event'}.ics`;
}
