import { afterEach, describe, expect, test, vi } from 'vitest';
import { DATE_TBA_ORDER } from '@/lib/event';
import { ProviderError } from '@/lib/providers/provider-error';
import {
  chooseImage,
  discoveryUrl,
  fetchDiscoveryPage,
  MAX_PAGE_DEPTH,
  PAGE_SIZE,
  readDiscoveryPage,
  RequestPacer,
  toDiscoveryEvent,
} from '@/lib/providers/ticketmaster';
import { dateRange, EMPTY_QUERY, normalizeQuery } from '@/lib/query';
import { fakeFetch } from '../../../support/fake-fetch';

/** An event in Discovery v2's documented shape (DESIGN.md), with the parts real listings have. */
const complete = {
  id: 'vvG1zZ9xJ4pWbE',
  name: 'Harbor Lights Tour',
  type: 'event',
  url: 'https://www.ticketmaster.com/event/vvG1zZ9xJ4pWbE',
  info: 'Doors at 7.',
  images: [
    { ratio: '3_2', url: 'https://s1.ticketm.net/a_3_2_305.jpg', width: 305, height: 203, fallback: false },
    {
      ratio: '16_9',
      url: 'https://s1.ticketm.net/a_16_9_2048.jpg',
      width: 2048,
      height: 1152,
      fallback: false,
    },
    { ratio: '16_9', url: 'https://s1.ticketm.net/a_16_9_640.jpg', width: 640, height: 360, fallback: false },
    { ratio: '16_9', url: 'https://s1.ticketm.net/a_16_9_205.jpg', width: 205, height: 115, fallback: false },
  ],
  dates: {
    start: {
      localDate: '2031-03-07',
      localTime: '20:00:00',
      dateTime: '2031-03-08T01:00:00Z',
      dateTBD: false,
      dateTBA: false,
      timeTBA: false,
      noSpecificTime: false,
    },
    end: { localDate: '2031-03-07', localTime: '23:00:00', dateTime: '2031-03-08T04:00:00Z' },
    timezone: 'America/New_York',
    status: { code: 'onsale' },
  },
  priceRanges: [{ type: 'standard', currency: 'USD', min: 35, max: 120 }],
  _embedded: {
    venues: [
      {
        id: 'KovZpZA7AAEA',
        name: 'Madison Square Garden',
        type: 'venue',
        timezone: 'America/New_York',
        city: { name: 'New York' },
        state: { stateCode: 'NY' },
        country: { countryCode: 'US' },
        address: { line1: '7th Ave & 32nd Street' },
        postalCode: '10001',
        location: { longitude: '-73.99160060', latitude: '40.74970620' },
      },
    ],
  },
};

type Start = Partial<(typeof complete)['dates']['start']>;
const withStart = (start: Start, more: Record<string, unknown> = {}) => ({
  ...complete,
  dates: { ...complete.dates, start: { ...complete.dates.start, ...start }, ...more },
});

describe('toDiscoveryEvent', () => {
  test('reads a complete event', () => {
    expect(toDiscoveryEvent(complete)).toEqual({
      provider: 'ticketmaster',
      id: 'vvG1zZ9xJ4pWbE',
      title: 'Harbor Lights Tour',
      summary: 'Doors at 7.',
      url: 'https://www.ticketmaster.com/event/vvG1zZ9xJ4pWbE',
      start: {
        utc: '2031-03-08T01:00:00.000Z',
        timezone: 'America/New_York',
        known: 'time',
        zoneSource: 'event',
      },
      end: { utc: '2031-03-08T04:00:00.000Z', timezone: 'America/New_York' },
      venue: {
        name: 'Madison Square Garden',
        city: 'New York',
        address: '7th Ave & 32nd Street, New York, NY 10001, US',
        coordinates: { latitude: 40.7497062, longitude: -73.9916006 },
      },
      online: false,
      free: null,
      price: { min: 35, max: 120, currency: 'USD' },
      status: 'scheduled',
      imageUrl: 'https://s1.ticketm.net/a_16_9_640.jpg',
    });
  });

  test.each([
    ['timeTBA', { timeTBA: true }],
    ['noSpecificTime', { noSpecificTime: true }],
    ['no dateTime', { dateTime: undefined, localTime: undefined }],
  ])('%s: only the date is known, and no time is made up', (_name, start) => {
    const event = toDiscoveryEvent(withStart(start));
    expect(event?.start).toEqual({
      // Midnight on the 7th in New York orders it among that day's events; it is never shown.
      utc: '2031-03-07T05:00:00.000Z',
      timezone: 'America/New_York',
      known: 'date',
      date: '2031-03-07',
      zoneSource: 'event',
    });
    expect(event?.end).toBeNull();
  });

  test.each([
    ['dateTBA', { dateTBA: true }],
    ['dateTBD', { dateTBD: true }],
    ['no date at all', { dateTime: undefined, localDate: undefined, localTime: undefined }],
  ])('%s: the date is to be announced, and it sorts last', (_name, start) => {
    expect(toDiscoveryEvent(withStart(start))?.start).toMatchObject({ known: 'none', utc: DATE_TBA_ORDER });
  });

  test('the zone from the venue when the event has none, and said so when neither has one', () => {
    const { timezone: _zone, ...dates } = complete.dates;
    const fromVenue = toDiscoveryEvent({ ...complete, dates });
    expect(fromVenue?.start).toMatchObject({ timezone: 'America/New_York', zoneSource: 'venue' });
    const venue = { ...complete._embedded.venues[0], timezone: undefined };
    const nowhere = toDiscoveryEvent({ ...complete, dates, _embedded: { venues: [venue] } });
    expect(nowhere?.start).toMatchObject({ timezone: 'UTC', zoneSource: 'none' });
    // The instant stays right whatever the label.
    expect(nowhere?.start.utc).toBe('2031-03-08T01:00:00.000Z');
  });

  test.each([
    ['cancelled', 'cancelled'],
    ['postponed', 'postponed'],
    ['rescheduled', 'rescheduled'],
    ['offsale', 'scheduled'],
    ['something new', 'scheduled'],
  ])('status %s reads as %s', (code, status) => {
    expect(toDiscoveryEvent({ ...complete, dates: { ...complete.dates, status: { code } } })?.status).toBe(
      status,
    );
  });

  test('no price is an unknown price, never "Free"', () => {
    const { priceRanges: _prices, ...unpriced } = complete;
    expect(toDiscoveryEvent(unpriced)).toMatchObject({ price: null, free: null });
  });

  test('prices over several ranges in the first currency named; other currencies and nonsense are left out', () => {
    const priceRanges = [
      { type: 'standard', currency: 'USD', min: 35, max: 120 },
      { type: 'platinum', currency: 'USD', min: 150, max: 400 },
      { type: 'standard', currency: 'CAD', min: 1, max: 9_999 },
      { type: 'standard', currency: 'USD', min: 50, max: 10 },
      { type: 'standard', currency: 'usd', min: 0, max: 1 },
    ];
    expect(toDiscoveryEvent({ ...complete, priceRanges })?.price).toEqual({
      min: 35,
      max: 400,
      currency: 'USD',
    });
  });

  test('a missing _embedded is an event without a venue', () => {
    const { _embedded: _venues, ...bare } = complete;
    expect(toDiscoveryEvent(bare)).toMatchObject({ venue: null, title: 'Harbor Lights Tour' });
  });

  test.each([
    ['no id', { ...complete, id: '' }],
    ['no name', { ...complete, name: undefined }],
    ['not an object', 'event'],
  ])('drops an event with %s', (_name, raw) => {
    expect(toDiscoveryEvent(raw)).toBeNull();
  });

  test('an end before the start is no end', () => {
    const dates = { ...complete.dates, end: { dateTime: '2031-03-07T00:00:00Z' } };
    expect(toDiscoveryEvent({ ...complete, dates })?.end).toBeNull();
  });
});

describe('chooseImage', () => {
  const image = (ratio: string, width: number, fallback = false) => ({
    ratio,
    width,
    url: `https://s1.ticketm.net/${ratio}_${width}${fallback ? '_fallback' : ''}.jpg`,
    fallback,
  });

  test('16:9, the narrowest at least 640 wide', () => {
    expect(chooseImage([image('16_9', 1024), image('16_9', 640), image('3_2', 640)])).toMatch(/16_9_640/);
  });

  test('the widest 16:9 when none is wide enough, then other ratios, fallbacks last', () => {
    expect(chooseImage([image('16_9', 205), image('16_9', 305), image('3_2', 1024)])).toMatch(/16_9_305/);
    expect(chooseImage([image('3_2', 305), image('4_3', 640)])).toMatch(/4_3_640/);
    expect(chooseImage([image('16_9', 640, true), image('3_2', 305)])).toMatch(/3_2_305/);
  });

  test('only http(s) images', () => {
    expect(chooseImage([{ ratio: '16_9', width: 640, url: 'javascript:alert(1)' }])).toBeNull();
    expect(chooseImage('images')).toBeNull();
  });
});

describe('readDiscoveryPage', () => {
  const body = (events: unknown[] | undefined, page: number, totalPages: number) => ({
    ...(events ? { _embedded: { events } } : {}),
    page: { size: PAGE_SIZE, totalElements: totalPages * PAGE_SIZE, totalPages, number: page },
  });

  test('no _embedded means nothing matched: no events, no next page', () => {
    expect(readDiscoveryPage(body(undefined, 0, 0), 0)).toEqual({ events: [] });
  });

  test('an id twice on one page appears once', () => {
    const page = readDiscoveryPage(body([complete, complete, { ...complete, id: 'other' }], 0, 3), 0);
    expect(page.events.map((event) => event.id)).toEqual(['vvG1zZ9xJ4pWbE', 'other']);
    expect(page.cursor).toBe('1');
  });

  test('"More" stops before the paging depth Discovery refuses (size × page < 1,000)', () => {
    const lastPage = MAX_PAGE_DEPTH / PAGE_SIZE - 1;
    expect(readDiscoveryPage(body([complete], lastPage - 1, 100), lastPage - 1).cursor).toBe(
      String(lastPage),
    );
    expect(readDiscoveryPage(body([complete], lastPage, 100), lastPage).cursor).toBeUndefined();
    expect(readDiscoveryPage(body([complete], 4, 5), 4).cursor).toBeUndefined();
  });

  test.each([
    ['no page', { _embedded: { events: [] } }],
    ['events not a list', { _embedded: { events: {} }, page: {} }],
    ['not an object', '<html>'],
  ])('%s is malformed', (_name, raw) => {
    expect(() => readDiscoveryPage(raw, 0)).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('discoveryUrl', () => {
  const now = new Date('2031-03-01T10:15:30.123Z');

  test('text, place, dates to the whole second in UTC, date order, 50 a page; the key only as apikey', () => {
    const query = normalizeQuery({ text: 'jazz', place: 'New York', when: 'week' });
    const url = discoveryUrl(
      'https://app.ticketmaster.com/discovery/v2/',
      query,
      dateRange('week', now, 'UTC'),
      2,
      'k3y',
    );
    expect(url.origin + url.pathname).toBe('https://app.ticketmaster.com/discovery/v2/events.json');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      apikey: 'k3y',
      keyword: 'jazz',
      city: 'New York',
      startDateTime: '2031-03-01T10:15:30Z',
      endDateTime: '2031-03-08T10:15:30Z',
      sort: 'date,asc',
      size: '50',
      page: '2',
    });
  });

  test('no date filter sends no start bound, so events whose time is not announced are listed too', () => {
    const url = discoveryUrl(
      'https://tm.test/discovery/v2',
      EMPTY_QUERY,
      dateRange('any', now, 'UTC'),
      0,
      'k',
    );
    expect(url.searchParams.has('startDateTime')).toBe(false);
    expect(url.searchParams.has('endDateTime')).toBe(false);
  });
});

describe('RequestPacer', () => {
  test('five in a second go at once; the sixth waits for the first to leave the second', () => {
    let now = 10_000;
    const pacer = new RequestPacer(5, 1_000, () => now);
    expect(Array.from({ length: 6 }, () => pacer.reserve('k'))).toEqual([0, 0, 0, 0, 0, 1_000]);
    // Another key has its own second.
    expect(pacer.reserve('other')).toBe(0);
    now += 400;
    // Slots already booked count: the seventh goes after the second one leaves.
    expect(pacer.reserve('k')).toBe(600);
  });
});

describe('fetchDiscoveryPage', () => {
  const KEY = 'secret-key-123';
  const range = dateRange('any', new Date(), 'UTC');
  const fetchPage = () => fetchDiscoveryPage('https://tm.test/discovery/v2', EMPTY_QUERY, range, 0, KEY);
  const fault = (status: number, errorcode: string, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify({ fault: { faultstring: errorcode, detail: { errorcode } } }), {
      status,
      headers,
    });
  const ok = () =>
    new Response(JSON.stringify({ _embedded: { events: [complete] }, page: { totalPages: 1 } }), {
      status: 200,
    });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Runs one page on fake time; every error is checked to hold no key. */
  async function outcome(answers: Response[]) {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const sent = fakeFetch(() => answers.shift() ?? ok());
    const result = fetchPage().then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
    await vi.runAllTimersAsync();
    const settled = await result;
    if ('error' in settled) expect(String((settled.error as ProviderError).detail)).not.toContain(KEY);
    return { ...settled, requests: sent.mock.calls.length };
  }

  test('a refused key: the user is told to check it, and it is asked once', async () => {
    const result = await outcome([fault(401, 'oauth.v2.InvalidApiKey')]);
    expect(result).toMatchObject({ error: { code: 'key-refused' }, requests: 1 });
  });

  test('the day’s quota: not retried, and when it comes back is kept', async () => {
    const reset = Date.now() + 3_600_000;
    const result = await outcome([
      fault(429, 'policies.ratelimit.QuotaViolation', { 'rate-limit-reset': String(reset) }),
    ]);
    expect(result).toMatchObject({ error: { code: 'quota-spent', until: reset }, requests: 1 });
  });

  test('the spike arrest: retried after at least a second, and the retry’s answer is the result', async () => {
    const result = await outcome([fault(429, 'policies.ratelimit.SpikeArrestViolation')]);
    expect(result).toMatchObject({ requests: 2, page: { events: [{ id: 'vvG1zZ9xJ4pWbE' }] } });
  });

  test('an HTML page from a failing gateway is retried, then said to be the server’s fault', async () => {
    const html = () => new Response('<html><h1>502 Bad Gateway</h1></html>', { status: 502 });
    const result = await outcome([html(), html(), html()]);
    expect(result).toMatchObject({ error: expect.any(ProviderError), requests: 3 });
    expect((result as { error: ProviderError }).error.code).toBe('server');
  });

  test('DIS1035 (paging too deep) ends the list instead of failing it', async () => {
    const deep = new Response(JSON.stringify({ errors: [{ code: 'DIS1035', status: '400' }] }), {
      status: 400,
    });
    expect(await outcome([deep])).toMatchObject({ page: { events: [] }, requests: 1 });
  });

  test('a network failure names no key', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    fakeFetch(() => {
      throw new TypeError(`request to https://tm.test/discovery/v2/events.json?apikey=${KEY} failed`);
    });
    const result = fetchPage().catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = (await result) as ProviderError;
    expect(error.code).toBe('network');
    expect(error.detail).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });
});
