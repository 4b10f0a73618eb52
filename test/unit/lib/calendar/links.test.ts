import { describe, expect, test } from 'vitest';
import type { Event } from '../../../../lib/event';
import { MAX_LINK_LENGTH, googleCalendarLink, outlookCalendarLink } from '../../../../lib/calendar/links';
import { sampleEvent } from '../../../support/events';

const params = (href: string | null) => new URL(href!).searchParams;

const timed = sampleEvent({
  title: 'Harbor lights',
  summary: 'Chamber music.',
  url: 'https://demo.event-scout.test/e/42',
  start: { utc: '2030-03-31T00:30:00.000Z', timezone: 'Europe/Berlin', known: 'time', zoneSource: 'event' },
  end: { utc: '2030-03-31T01:30:00.000Z', timezone: 'Europe/Berlin' },
});
const dateOnly = sampleEvent({
  start: {
    utc: '2030-12-30T23:00:00Z',
    timezone: 'Europe/Berlin',
    known: 'date',
    date: '2030-12-31',
    zoneSource: 'venue',
  },
});
const tba = sampleEvent({
  start: { utc: '9999-12-31T00:00:00.000Z', timezone: 'UTC', known: 'none', zoneSource: 'none' },
});

describe('googleCalendarLink', () => {
  test('the template page with the title, UTC dates, details ending in the event page, and the venue', () => {
    const link = googleCalendarLink(timed)!;
    expect(link.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
    const query = params(link);
    expect(query.get('text')).toBe('Harbor lights');
    expect(query.get('dates')).toBe('20300331T003000Z/20300331T013000Z');
    expect(query.get('details')).toBe('Chamber music.\n\nhttps://demo.event-scout.test/e/42');
    expect(query.get('location')).toBe('Harbor Hall, 1 Market St, Berlin');
  });

  test('an unknown end is the start plus two hours; a date-only event is all day, its end exclusive', () => {
    expect(params(googleCalendarLink({ ...timed, end: null })).get('dates')).toBe(
      '20300331T003000Z/20300331T023000Z',
    );
    // The last day of the year: the exclusive end rolls into the next.
    expect(params(googleCalendarLink(dateOnly)).get('dates')).toBe('20301231/20310101');
  });

  test('an event whose date is to be announced has no link', () => {
    expect(googleCalendarLink(tba)).toBeNull();
    expect(outlookCalendarLink(tba)).toBeNull();
  });

  test.each([
    ['ASCII', 'word '.repeat(2000)],
    ['emoji and umlauts', '🎻 Größe '.repeat(600)],
  ])('a long summary (%s) is cut to keep the link under the limit, the event page kept', (_, summary) => {
    const event: Event = { ...timed, summary };
    for (const link of [googleCalendarLink(event)!, outlookCalendarLink(event)!]) {
      expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
      const details = params(link).get('details') ?? params(link).get('body')!;
      expect(details.endsWith('…\n\nhttps://demo.event-scout.test/e/42')).toBe(true);
      // Cut by as little as the limit needs.
      expect(link.length).toBeGreaterThan(MAX_LINK_LENGTH - 40);
      expect(details).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('outlookCalendarLink', () => {
  test("Outlook.com's compose deep link, with ISO instants in UTC", () => {
    const link = outlookCalendarLink(timed)!;
    expect(link.startsWith('https://outlook.live.com/calendar/deeplink/compose?')).toBe(true);
    const query = params(link);
    expect(Object.fromEntries(query)).toEqual({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'Harbor lights',
      startdt: '2030-03-31T00:30:00Z',
      enddt: '2030-03-31T01:30:00Z',
      body: 'Chamber music.\n\nhttps://demo.event-scout.test/e/42',
      location: 'Harbor Hall, 1 Market St, Berlin',
    });
  });

  test('a date-only event is allday, with dates and an exclusive end', () => {
    const query = params(outlookCalendarLink(dateOnly));
    expect(query.get('allday')).toBe('true');
    expect(query.get('startdt')).toBe('2030-12-31');
    expect(query.get('enddt')).toBe('2031-01-01');
  });
});
