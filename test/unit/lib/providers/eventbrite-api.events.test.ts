import { describe, expect, test } from 'vitest';
import { safeHttpUrl } from '@/lib/event';
import { readList, toEvent, toEvents } from '@/lib/providers/eventbrite-api';

/** Payloads in Eventbrite's documented v3 shapes, with the variations real data has. */
const complete = {
  id: '123456789',
  name: { text: 'Jazz & Blues Night', html: 'Jazz &amp; Blues Night' },
  summary: 'Two sets.',
  url: 'https://www.eventbrite.com/e/123456789',
  start: { timezone: 'Europe/Berlin', local: '2030-05-01T19:00:00', utc: '2030-05-01T17:00:00Z' },
  end: { timezone: 'Europe/Berlin', local: '2030-05-01T22:00:00', utc: '2030-05-01T20:00:00Z' },
  created: '2030-01-01T00:00:00Z',
  changed: '2030-01-02T00:00:00Z',
  online_event: false,
  is_free: false,
  status: 'live',
  venue_id: '55',
  venue: {
    name: 'Harbor Hall',
    address: {
      city: 'Berlin',
      localized_address_display: '1 Market St, Berlin',
      latitude: '52.5',
      longitude: '13.4',
    },
  },
  logo: { url: 'https://img.evbuc.com/logo.png' },
};

describe('toEvent', () => {
  test('reads a complete event', () => {
    expect(toEvent(complete, 'eventbrite')).toEqual({
      provider: 'eventbrite',
      id: '123456789',
      title: 'Jazz & Blues Night',
      summary: 'Two sets.',
      url: 'https://www.eventbrite.com/e/123456789',
      start: {
        utc: '2030-05-01T17:00:00.000Z',
        timezone: 'Europe/Berlin',
        known: 'time',
        zoneSource: 'event',
      },
      end: { utc: '2030-05-01T20:00:00.000Z', timezone: 'Europe/Berlin' },
      venue: {
        name: 'Harbor Hall',
        city: 'Berlin',
        address: '1 Market St, Berlin',
        coordinates: { latitude: 52.5, longitude: 13.4 },
      },
      online: false,
      free: false,
      price: null,
      status: 'scheduled',
      imageUrl: 'https://img.evbuc.com/logo.png',
    });
  });

  test('missing optional fields', () => {
    const {
      summary: _summary,
      end: _end,
      logo: _logo,
      url: _url,
      venue: _venue,
      is_free: _free,
      ...minimal
    } = complete;
    expect(toEvent(minimal, 'demo')).toMatchObject({
      summary: '',
      end: null,
      imageUrl: null,
      url: null,
      venue: null,
      // Eventbrite always says; when it does not, nobody knows.
      free: null,
    });
  });

  test('a free event, and a cancelled one', () => {
    expect(toEvent({ ...complete, is_free: true }, 'demo')?.free).toBe(true);
    expect(toEvent({ ...complete, status: 'canceled' }, 'demo')?.status).toBe('cancelled');
    expect(toEvent({ ...complete, status: 'started' }, 'demo')?.status).toBe('scheduled');
  });

  test.each([
    ['not numbers', { latitude: 'north', longitude: '13.4' }],
    ['off the globe', { latitude: '91', longitude: '13.4' }],
    ['missing', {}],
  ])('a venue whose coordinates are %s has none', (_name, where) => {
    const venue = { ...complete.venue, address: { city: 'Berlin', ...where } };
    expect(toEvent({ ...complete, venue }, 'demo')?.venue?.coordinates).toBeNull();
  });

  test('a null venue, and a venue without a name', () => {
    expect(toEvent({ ...complete, venue: null }, 'demo')?.venue).toBeNull();
    expect(toEvent({ ...complete, venue: { address: { city: 'Oslo' } } }, 'demo')?.venue).toEqual({
      name: '',
      city: 'Oslo',
      address: 'Oslo',
      coordinates: null,
    });
  });

  test('an online event has no venue even if one is sent', () => {
    expect(toEvent({ ...complete, online_event: true }, 'demo')).toMatchObject({ online: true, venue: null });
  });

  test('unicode stays as it is', () => {
    const event = toEvent({ ...complete, name: { text: 'Zürich Ōsaka Café — 🎷 Night' } }, 'demo');
    expect(event?.title).toBe('Zürich Ōsaka Café — 🎷 Night');
  });

  test('HTML in names stays text: it is never parsed', () => {
    const title = '<img src=x onerror=alert(1)><b>Party</b>';
    expect(toEvent({ ...complete, name: { text: title, html: title } }, 'demo')?.title).toBe(title);
  });

  test('falls back to the description when there is no summary', () => {
    expect(
      toEvent({ ...complete, summary: null, description: { text: 'Long text.' } }, 'demo')?.summary,
    ).toBe('Long text.');
  });

  test('a numeric id and an unknown time zone', () => {
    const event = toEvent(
      { ...complete, id: 42, start: { utc: '2030-05-01T17:00:00Z', timezone: 'Mars/Olympus_Mons' } },
      'demo',
    );
    expect(event).toMatchObject({ id: '42', start: { timezone: 'UTC', zoneSource: 'none' } });
  });

  test.each([
    ['no id', { ...complete, id: '' }],
    ['no name', { ...complete, name: { html: '<p>x</p>' } }],
    ['no start', { ...complete, start: null }],
    ['an unparseable start', { ...complete, start: { utc: 'soon', timezone: 'UTC' } }],
    ['not an object', 'event'],
    ['null', null],
  ])('drops an event with %s', (_name, raw) => {
    expect(toEvent(raw, 'demo')).toBeNull();
  });

  test.each([
    'javascript:alert(1)',
    'data:text/html,<script>x</script>',
    'not a url',
    'ftp://files.test/x',
    42,
  ])('never keeps the URL %s', (url) => {
    expect(toEvent({ ...complete, url }, 'demo')?.url).toBeNull();
  });
});

describe('lists', () => {
  test('keep the continuation only while there are more items', () => {
    expect(
      readList({ events: [], pagination: { has_more_items: true, continuation: 'abc' } }, 'events'),
    ).toEqual({ items: [], continuation: 'abc' });
    expect(
      readList({ events: [], pagination: { has_more_items: false, continuation: 'abc' } }, 'events'),
    ).toEqual({ items: [] });
  });

  test('a body without the list is malformed', () => {
    expect(() => readList({ pagination: {} }, 'events')).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
    expect(() => readList([], 'events')).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  test('toEvents keeps the good events and drops the rest', () => {
    expect(toEvents([complete, { id: 'x' }, null], 'demo').map((event) => event.id)).toEqual(['123456789']);
  });
});

test('safeHttpUrl keeps http and https only', () => {
  expect(safeHttpUrl('http://a.test/x')).toBe('http://a.test/x');
  expect(safeHttpUrl(' javascript:void(0)')).toBeNull();
});
