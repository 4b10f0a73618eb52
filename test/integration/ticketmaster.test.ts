import { afterAll, describe, expect, test } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { DAILY_QUOTA, DEMO_TICKETMASTER_KEY } from '../../demo/ticketmaster-api';
import type { Event } from '@/lib/event';
import { ProviderError } from '@/lib/providers/provider-error';
import { MAX_PAGE_DEPTH, PAGE_SIZE, ticketmasterProvider } from '@/lib/providers/ticketmaster';
import { dateRange, EMPTY_QUERY, normalizeQuery, type SearchQuery } from '@/lib/query';
import { expectAll } from '../support/every';

// The Ticketmaster provider against the demo server's Discovery v2 over loopback: its paging limit,
// its faults and its spike arrest, met by the real HTTP client and retry policy.

const demo = await startDemoServer();
afterAll(() => demo.close());

const provider = ticketmasterProvider(demo.ticketmasterBase);
const search = (query: SearchQuery = EMPTY_QUERY, cursor?: string, key = DEMO_TICKETMASTER_KEY) =>
  provider.search(query, dateRange(query.when, new Date(), 'UTC'), cursor, key);
const failure = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => error as ProviderError,
  );

describe('searching the demo Ticketmaster', () => {
  test('a page of 50 in start order, with the cases real listings have', async () => {
    const page = await search();
    expect(page.events).toHaveLength(PAGE_SIZE);
    // Discovery orders what has only a date by its own rule; exact starts are in order among themselves.
    const starts = page.events
      .filter((event) => event.start.known === 'time')
      .map((event) => event.start.utc);
    expect(starts.length).toBeGreaterThan(PAGE_SIZE / 2);
    expect(starts).toEqual([...starts].sort());
    expect(page.cursor).toBe('1');
  });

  test('"More" pages until the paging depth, each event once, and never asks past it', async () => {
    const seen: Event[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search(EMPTY_QUERY, cursor);
      seen.push(...page.events);
      cursor = page.cursor;
      pages++;
    } while (cursor);
    // More events than Discovery lets anyone page to: the list ends at the depth, without a DIS1035.
    expect(demo.ticketmasterEvents().length).toBeGreaterThan(MAX_PAGE_DEPTH);
    expect(pages).toBe(MAX_PAGE_DEPTH / PAGE_SIZE);
    expect(seen).toHaveLength(MAX_PAGE_DEPTH);
    expect(new Set(seen.map((event) => event.id)).size).toBe(seen.length);
  }, 30_000);

  test('one city to the end of its list: the cases real listings have, an unannounced date last', async () => {
    // A city holding every case the data set has (it follows today's date, so which city varies): a
    // listing whose zone neither it nor its venue names, a date to be announced, and every status.
    const listings = demo.ticketmasterEvents().filter((event) => event._embedded);
    const cityOf = (event: (typeof listings)[number]) => event._embedded!.venues[0]!.city.name;
    const holdsEveryCase = (name: string) => {
      const here = listings.filter((event) => cityOf(event) === name);
      return (
        here.some((event) => !event.dates.timezone && !event._embedded!.venues[0]!.timezone) &&
        here.some((event) => event.dates.start.dateTBA) &&
        new Set(here.map((event) => event.dates.status.code)).size === 4
      );
    };
    const city = [...new Set(listings.map(cityOf))].find(holdsEveryCase)!;
    expect(city).toBeDefined();
    const seen: Event[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(normalizeQuery({ place: city }), cursor);
      seen.push(...page.events);
      cursor = page.cursor;
    } while (cursor);
    expect(seen.length).toBeLessThan(MAX_PAGE_DEPTH);
    expectAll(seen, (event) => event.venue?.city === city);
    // Starts only known by date, dates to be announced (after every other), zones from the venue or
    // nowhere, statuses, prices unknown, and never a claim of "Free".
    expect(new Set(seen.map((event) => event.start.known))).toEqual(new Set(['date', 'none', 'time']));
    expect(seen.findIndex((event) => event.start.known === 'none')).toBeGreaterThan(
      seen.findLastIndex((event) => event.start.known !== 'none'),
    );
    expect(new Set(seen.map((event) => event.start.zoneSource))).toEqual(new Set(['event', 'venue', 'none']));
    expect(new Set(seen.map((event) => event.status))).toEqual(
      new Set(['scheduled', 'cancelled', 'postponed', 'rescheduled']),
    );
    expect(seen.some((event) => event.price === null)).toBe(true);
    expectAll(seen, (event) => event.free === null && !event.online);
  });

  test('text, place and dates reach the server; dated searches hold only exact starts in range', async () => {
    const range = dateRange('month', new Date(), 'UTC');
    const sample = demo
      .ticketmasterEvents()
      .find(
        (event) =>
          event._embedded &&
          event.dates.start.dateTime &&
          Date.parse(event.dates.start.dateTime) < range.end!.getTime(),
      )!;
    const city = sample._embedded!.venues[0]!.city.name;
    const word = sample.name.split(' ')[0]!;
    const query = normalizeQuery({ text: word, place: city, when: 'month' });
    const page = await provider.search(query, range, undefined, DEMO_TICKETMASTER_KEY);
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.map((event) => event.id)).toContain(sample.id);
    expectAll(page.events, (event) => event.title.toLowerCase().includes(word.toLowerCase()));
    expectAll(page.events, (event) => event.venue?.city === city);
    expectAll(
      page.events,
      (event) =>
        event.start.known === 'time' &&
        Date.parse(event.start.utc) >= range.start.getTime() - 1_000 &&
        Date.parse(event.start.utc) <= range.end!.getTime(),
    );
  });

  test('a burst of searches is paced under the spike arrest: none is refused', async () => {
    const pages = await Promise.all(
      Array.from({ length: 8 }, (_, page) => search(EMPTY_QUERY, String(page + 1))),
    );
    expectAll(pages, (page) => page.events.length === PAGE_SIZE);
  });
});

describe('its faults', () => {
  test('a key it does not know: refused, and the key is nowhere in the error', async () => {
    const error = await failure(search(EMPTY_QUERY, undefined, 'not-a-real-key'));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error?.code).toBe('key-refused');
    expect(String(error?.message)).not.toContain('not-a-real-key');
  });

  test('the day’s quota spent: asked once, and the reset it names is kept', async () => {
    demo.injectTicketmasterFaults({ kind: 'quota' });
    const before = demo.requestCount('GET /discovery/v2/events.json');
    const error = await failure(search());
    expect(error?.code).toBe('quota-spent');
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(error?.until).toBe(midnight.getTime());
    expect(demo.requestCount('GET /discovery/v2/events.json') - before).toBe(1);
  });

  test('a key whose day is really used up answers the same', async () => {
    demo.spendTicketmasterQuota(DEMO_TICKETMASTER_KEY, DAILY_QUOTA);
    try {
      expect((await failure(search()))?.code).toBe('quota-spent');
    } finally {
      // The rest of the file goes on with a whole day: the server's quota rolls over only at midnight.
      demo.spendTicketmasterQuota(DEMO_TICKETMASTER_KEY, -DAILY_QUOTA);
    }
  });

  test('a spike arrest is waited out and retried', async () => {
    demo.injectTicketmasterFaults({ kind: 'spike' });
    const before = demo.requestCount('GET /discovery/v2/events.json');
    const started = Date.now();
    expect((await search()).events).toHaveLength(PAGE_SIZE);
    expect(demo.requestCount('GET /discovery/v2/events.json') - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  test('a gateway’s HTML page, then a good answer: the retry’s results', async () => {
    demo.injectTicketmasterFaults({ kind: 'html' });
    expect((await search()).events).toHaveLength(PAGE_SIZE);
  });

  test('5xx and HTML every time: a server problem after the retries', async () => {
    demo.injectTicketmasterFaults({ kind: 'html' }, { kind: 'status', status: 503 }, { kind: 'html' });
    expect((await failure(search()))?.code).toBe('server');
  });

  test('connections cut every time: a network problem', async () => {
    demo.injectTicketmasterFaults({ kind: 'reset' }, { kind: 'reset' }, { kind: 'reset' });
    expect((await failure(search()))?.code).toBe('network');
  });
});
