import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import type { Event } from '../../../../lib/event';
import {
  calendarDataUrl,
  calendarFile,
  calendarFileName,
  escapeText,
  foldLine,
  type CalendarEntry,
} from '../../../../lib/calendar/ics';
import { sampleEvent } from '../../../support/events';

const NOW = new Date('2030-01-01T09:15:30.250Z');

/** The file read back by Mozilla's parser (RECIPES.md), each event with its raw component. */
function readBack(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component) => ({
      component,
      event: new ICAL.Event(component),
    })),
  };
}

const only = (event: Event, sequence = 0) =>
  readBack(calendarFile([{ event, sequence }], NOW, '1.2.3')).events[0]!;

/** The physical lines of a file, as octets. */
const octetLines = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  const lines: Uint8Array[] = [];
  let from = 0;
  for (let at = 0; at < bytes.length - 1; at++)
    if (bytes[at] === 13 && bytes[at + 1] === 10) {
      lines.push(bytes.slice(from, at));
      from = at + 2;
    }
  return { lines, rest: bytes.slice(from) };
};

const timed = (startUtc: string, endUtc: string | null, timezone: string): Partial<Event> => ({
  start: { utc: startUtc, timezone, known: 'time', zoneSource: 'event' },
  end: endUtc ? { utc: endUtc, timezone } : null,
});

describe('calendarFile', () => {
  test('a calendar with its version, product, and each event under a stable UID with a UTC DTSTAMP', () => {
    const event = sampleEvent({ provider: 'ticketmaster', id: 'G5v0Z9', title: 'Harbor lights' });
    const text = calendarFile([{ event, sequence: 2 }], NOW, '1.2.3');
    const { calendar, events } = readBack(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Event Scout//Event Scout 1.2.3//EN');
    const [{ component, event: read }] = events as [(typeof events)[number]];
    expect(read.uid).toBe('ticketmaster-G5v0Z9@event-scout');
    expect(read.sequence).toBe(2);
    expect(read.summary).toBe('Harbor lights');
    const stamp = component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    expect(stamp.toJSDate().toISOString()).toBe('2030-01-01T09:15:30.000Z');
    expect(text).toContain('\r\nDTSTAMP:20300101T091530Z\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // Every line ends in CRLF: no bare LF anywhere.
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  test.each([
    ['Europe/Berlin', '2030-03-31T00:30:00Z', '2030-03-31T01:30:00Z'], // 01:30 CET to 03:30 CEST: one hour
    ['Europe/Berlin', '2030-10-27T00:30:00Z', '2030-10-27T01:30:00Z'], // 02:30 CEST to 02:30 CET
    ['America/New_York', '2030-03-10T06:30:00Z', '2030-03-10T08:00:00Z'],
    ['Asia/Kolkata', '2030-06-01T13:30:00Z', '2030-06-01T16:45:00Z'],
    ['Pacific/Chatham', '2030-04-06T12:00:00Z', '2030-04-06T15:00:00Z'],
  ])(
    'an event in %s, across its clock change where it has one, reads back as the same instants',
    (zone, start, end) => {
      const { event } = only(sampleEvent(timed(start, end, zone)));
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(new Date(end).toISOString());
      expect(event.startDate.zone?.tzid).toBe('UTC');
    },
  );

  test('no DTEND when the provider gave no end, nor when its end is not after the start', () => {
    const start = '2030-05-01T18:00:00Z';
    for (const end of [null, start, '2030-05-01T17:00:00Z']) {
      const { component } = only(sampleEvent(timed(start, end, 'Europe/Berlin')));
      expect(component.hasProperty('dtend')).toBe(false);
      expect(component.hasProperty('duration')).toBe(false);
    }
  });

  test('an event known only by its date is all-day (VALUE=DATE), its end the day after its last day', () => {
    const dateOnly = (end: Event['end']) =>
      sampleEvent({
        start: {
          utc: '2030-07-13T22:00:00Z',
          timezone: 'Europe/Berlin',
          known: 'date',
          date: '2030-07-14',
          zoneSource: 'venue',
        },
        end,
      });
    const { component, event } = only(dateOnly(null));
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2030-07-14');
    expect(component.hasProperty('dtend')).toBe(false);

    // A festival ending at 23:00 Berlin time on the 16th (21:00 UTC): through the 16th, whatever UTC says.
    const festival = only(dateOnly({ utc: '2030-07-16T21:00:00Z', timezone: 'Europe/Berlin' })).event;
    expect(festival.endDate.isDate).toBe(true);
    expect(festival.endDate.toString()).toBe('2030-07-17');
  });

  test('an event whose date is to be announced is left out: there is nothing to put in a calendar', () => {
    const tba = sampleEvent({
      start: { utc: '9999-12-31T00:00:00.000Z', timezone: 'UTC', known: 'none', zoneSource: 'none' },
    });
    const dated = sampleEvent();
    const entries: CalendarEntry[] = [tba, dated].map((event) => ({ event, sequence: 0 }));
    const { events } = readBack(calendarFile(entries, NOW, '1'));
    expect(events.map(({ event }) => event.uid)).toEqual([`demo-${dated.id}@event-scout`]);
  });

  test('the venue, its coordinates, the page, and the status as a calendar names it', () => {
    const { component, event } = only(
      sampleEvent({ url: 'https://example.test/e?a=1&b=2', status: 'cancelled' }),
    );
    expect(event.location).toBe('Harbor Hall, 1 Market St, Berlin');
    expect(component.getFirstPropertyValue('geo')).toEqual([52.52, 13.405]);
    expect(component.getFirstPropertyValue('url')).toBe('https://example.test/e?a=1&b=2');
    expect(component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.description).toBe('A sample event.\n\nhttps://example.test/e?a=1&b=2');
    const online = only(sampleEvent({ online: true, venue: null, url: 'https://example.test/live' })).event;
    expect(online.location).toBe('https://example.test/live');
  });

  test('text with separators, backslashes and line breaks reads back as written', () => {
    const summary = 'Doors 19:00; bring: a coat, a torch\\lamp\r\nSecond line\rThird\nFourth';
    const { event } = only(sampleEvent({ title: 'Rock, Paper; Scissors \\o/', summary, url: null }));
    expect(event.summary).toBe('Rock, Paper; Scissors \\o/');
    expect(event.description).toBe('Doors 19:00; bring: a coat, a torch\\lamp\nSecond line\nThird\nFourth');
  });

  test('long lines fold at 75 octets, never inside a UTF-8 character, and unfold to the text', () => {
    const title = `Konzert für Großstädter 🎻🎺 ${'Öl und Wasser 日本語 '.repeat(20)}`;
    const summary = '🎉'.repeat(100) + 'x'.repeat(200);
    const text = calendarFile([{ event: sampleEvent({ title, summary, url: null }), sequence: 0 }], NOW, '1');
    const { lines, rest } = octetLines(text);
    expect(rest.length).toBe(0);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      // Each physical line is whole UTF-8 on its own: no character was split by a fold.
      expect(() => strict.decode(line)).not.toThrow();
    }
    expect(lines.filter((line) => line[0] === 0x20).length).toBeGreaterThan(10);
    const { event } = readBack(text).events[0]!;
    expect(event.summary).toBe(title);
    expect(event.description).toBe(summary);
  });

  test('any title and summary reads back as written (less control characters, line breaks as LF)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (title, summary) => {
          const { event } = only(sampleEvent({ title, summary, url: null }));
          const expected = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\t\n]/gu, '');
          expect(event.summary).toBe(expected(title));
          expect(event.description ?? '').toBe(expected(summary.trim()));
        },
      ),
    );
  });
});

describe('escapeText and foldLine', () => {
  test('escape the RFC 5545 TEXT specials and drop controls', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  test('a line of exactly 75 octets stays whole; the 76th octet starts a continuation', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // 74 octets, then a 2-octet character that would end at octet 76: it moves to the next line whole.
    expect(foldLine(`${'x'.repeat(74)}ö`)).toBe(`${'x'.repeat(74)}\r\n ö`);
  });
});

describe('calendarDataUrl and calendarFileName', () => {
  test('the data: URL decodes to the file, byte for byte', () => {
    const text = calendarFile(
      [{ event: sampleEvent({ title: 'Größe 🎻 #1 & 50%' }), sequence: 0 }],
      NOW,
      '1',
    );
    const url = calendarDataUrl(text);
    expect(url.startsWith('data:text/calendar;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(text);
  });

  test('a file name keeps the title, less separators, controls and leading dots', () => {
    expect(calendarFileName('Harbor lights: Berlin/Paris?')).toBe('Harbor lights Berlin Paris.ics');
    expect(calendarFileName('..\\..\\etc\npasswd')).toBe('etc passwd.ics');
    expect(calendarFileName('///')).toBe('event.ics');
    expect(Array.from(calendarFileName('🎻'.repeat(100))).length).toBe(64);
  });
});
