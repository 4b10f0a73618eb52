import { describe, expect, test } from 'vitest';
import { DATE_TBA_ORDER, exactStart } from '@/lib/event';
import { eventWhen, timeAgo, updatedAgo, zoneLabel } from '@/lib/format';
import { sampleEvent } from '../../support/events';

/** 18:00 UTC on Saturday 4 January 2031: 19:00 in Paris and Berlin, 13:00 in New York. */
const at = (timezone: string, city: string | null, online = false) =>
  sampleEvent({
    start: exactStart({ utc: '2031-01-04T18:00:00.000Z', timezone }),
    venue: city === null ? null : { name: 'Hall', city, address: `1 Main St, ${city}`, coordinates: null },
    online,
  });

describe('eventWhen', () => {
  test('labels the time with the event’s own place, not the user’s, where the clocks agree', () => {
    // Paris and Berlin share an offset, and Intl calls both "Central European Time".
    expect(eventWhen(at('Europe/Paris', 'Paris'), 'Europe/Berlin')).toEqual({
      text: expect.stringMatching(/^Sat, Jan 4, 7:00\sPM$/),
      zone: 'Paris time',
    });
  });

  test('adds the user’s clock where it reads differently', () => {
    expect(eventWhen(at('America/New_York', 'New York'), 'Europe/Berlin')).toEqual({
      text: expect.stringMatching(/^Sat, Jan 4, 1:00\sPM$/),
      zone: 'New York time',
      yours: expect.stringMatching(/^7:00\sPM your time$/),
    });
  });

  test('the user’s clock carries the date when it is another day there', () => {
    expect(eventWhen(at('Asia/Tokyo', 'Tokyo'), 'America/Los_Angeles')).toEqual({
      text: expect.stringMatching(/^Sun, Jan 5, 3:00\sAM$/),
      zone: 'Tokyo time',
      yours: expect.stringMatching(/^Sat, Jan 4, 10:00\sAM your time$/),
    });
  });

  test('the venue’s city where the provider gives one, else the zone’s', () => {
    expect(eventWhen(at('Europe/Berlin', 'Potsdam'), 'Europe/Berlin').zone).toBe('Potsdam time');
    expect(eventWhen(at('America/Los_Angeles', null), 'Europe/Berlin').zone).toBe('Los Angeles time');
  });

  test('online events are told on the user’s clock', () => {
    expect(eventWhen(at('America/New_York', null, true), 'Europe/Berlin')).toEqual({
      text: expect.stringMatching(/^Sat, Jan 4, 7:00\sPM$/),
      zone: 'your time',
    });
  });

  test('a start known only by its date shows the date in no zone, and no invented time', () => {
    // 2031-01-04 is a Saturday wherever one stands: the date is not shifted into the user's zone.
    const dateOnly = sampleEvent({
      start: {
        utc: '2031-01-03T15:00:00.000Z',
        timezone: 'Asia/Tokyo',
        known: 'date',
        date: '2031-01-04',
        zoneSource: 'event',
      },
    });
    expect(eventWhen(dateOnly, 'America/Los_Angeles')).toEqual({
      text: 'Sat, Jan 4',
      pending: 'Time to be announced',
    });
  });

  test('an unannounced date says so', () => {
    const unannounced = sampleEvent({
      start: { utc: DATE_TBA_ORDER, timezone: 'UTC', known: 'none', zoneSource: 'none' },
    });
    expect(eventWhen(unannounced, 'Europe/Berlin')).toEqual({ text: 'Date to be announced' });
  });

  test('a zone neither the event nor its venue gave is labelled as such, not as the venue’s', () => {
    const noZone = sampleEvent({
      start: { ...exactStart({ utc: '2031-01-04T18:00:00.000Z', timezone: 'UTC' }), zoneSource: 'none' },
    });
    expect(eventWhen(noZone, 'UTC')).toEqual({
      text: expect.stringMatching(/^Sat, Jan 4, 6:00\sPM$/),
      zone: 'UTC (no time zone given)',
    });
  });

  test('UTC is UTC', () => {
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(zoneLabel('Etc/UTC', 'London')).toBe('UTC');
  });
});

describe('how long ago', () => {
  const now = Date.UTC(2031, 0, 4, 12);
  const minutes = (count: number) => now - count * 60_000;

  test('updatedAgo: the age of results on screen, in the largest whole unit', () => {
    expect(updatedAgo(now, now)).toBe('Updated just now');
    expect(updatedAgo(minutes(0.9), now)).toBe('Updated just now');
    expect(updatedAgo(minutes(5), now)).toBe('Updated 5 min. ago');
    expect(updatedAgo(minutes(59), now)).toBe('Updated 59 min. ago');
    expect(updatedAgo(minutes(60), now)).toBe('Updated 1 hr. ago');
    expect(updatedAgo(minutes(60 * 24 * 3 + 5), now)).toBe('Updated 3 days ago');
  });

  test("timeAgo: the same, to go inside a sentence, in Intl's words for the UI language", () => {
    expect(timeAgo(now, now)).toBe('just now');
    expect(timeAgo(minutes(5), now)).toBe('5 min. ago');
    expect(timeAgo(minutes(150), now)).toBe('2 hr. ago');
  });
});
