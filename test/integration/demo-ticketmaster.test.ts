import { afterAll, describe, expect, test } from 'vitest';
import { startDemoServer } from '../../demo/server';
import {
  DAILY_QUOTA,
  DEMO_TICKETMASTER_KEY,
  SPIKE_LIMIT_PER_SECOND,
  type TicketmasterEvent,
} from '../../demo/ticketmaster-api';
import { expectAll } from '../support/every';

// The demo server's Ticketmaster Discovery v2 over loopback, in the real API's shapes and faults.

const demo = await startDemoServer();
afterAll(() => demo.close());

interface Discovery {
  _embedded?: { events: TicketmasterEvent[] };
  page: { size: number; totalElements: number; totalPages: number; number: number };
  errors?: { code: string }[];
  fault?: { faultstring: string; detail: { errorcode: string } };
}

/** One request as the extension makes it; waits out the spike arrest first unless told not to. */
async function discover(params: Record<string, string>, { paced = true } = {}) {
  if (paced) await new Promise((resolve) => setTimeout(resolve, 1_000 / SPIKE_LIMIT_PER_SECOND + 10));
  const url = new URL(`${demo.ticketmasterBase}/events.json`);
  for (const [name, value] of Object.entries({ apikey: DEMO_TICKETMASTER_KEY, ...params }))
    url.searchParams.set(name, value);
  const response = await fetch(url);
  const text = await response.text();
  return { response, text, body: (text.startsWith('{') ? JSON.parse(text) : undefined) as Discovery };
}

describe('the demo Ticketmaster', () => {
  test('answers a search in date order, 50 a page, with the rate-limit headers and CORS for any origin', async () => {
    const { response, body } = await discover({ sort: 'date,asc', size: '50' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('rate-limit')).toBe(String(DAILY_QUOTA));
    expect(Number(response.headers.get('rate-limit-available'))).toBeLessThan(DAILY_QUOTA);
    expect(Number(response.headers.get('rate-limit-reset'))).toBeGreaterThan(Date.now());
    const events = body._embedded!.events;
    expect(events).toHaveLength(50);
    expect(body.page).toMatchObject({ size: 50, number: 0 });
    const starts = events.map(
      (event) => event.dates.start.dateTime ?? `${event.dates.start.localDate}T00:00:00Z`,
    );
    expect(starts).toEqual([...starts].sort());
  });

  test('filters by keyword, city and a start window given to the second', async () => {
    const sample = demo.ticketmasterEvents().find((event) => event.dates.start.dateTime && event._embedded)!;
    const city = sample._embedded!.venues[0]!.city.name;
    const word = sample.name.split(' ')[0]!;
    const { body } = await discover({ keyword: word, city, size: '200' });
    const found = body._embedded!.events;
    expect(found.map((event) => event.id)).toContain(sample.id);
    expectAll(found, (event) => event.name.toLowerCase().includes(word.toLowerCase()));
    expectAll(found, (event) => event._embedded?.venues[0]?.city.name === city);

    const start = sample.dates.start.dateTime!;
    const windowed = await discover({ startDateTime: start, endDateTime: start, size: '200' });
    expectAll(windowed.body._embedded!.events, (event) => event.dates.start.dateTime === start);
  });

  test('refuses milliseconds (DIS1015) and paging past 1,000 (DIS1035)', async () => {
    const milliseconds = await discover({ startDateTime: '2026-12-01T10:00:00.000Z' });
    expect(milliseconds.response.status).toBe(400);
    expect(milliseconds.body.errors?.[0]?.code).toBe('DIS1015');

    const lastPage = await discover({ size: '50', page: '19' });
    expect(lastPage.response.status).toBe(200);
    const tooDeep = await discover({ size: '50', page: '20' });
    expect(tooDeep.response.status).toBe(400);
    expect(tooDeep.body.errors?.[0]?.code).toBe('DIS1035');
  });

  test('leaves out _embedded when nothing matches', async () => {
    const { response, body } = await discover({ keyword: 'no event is called this' });
    expect(response.status).toBe(200);
    expect(body._embedded).toBeUndefined();
    expect(body.page.totalElements).toBe(0);
  });

  test('holds the cases a client must handle: date-only, unannounced, cancelled, no prices, zones missing', () => {
    const events = demo.ticketmasterEvents();
    const some = (check: (event: TicketmasterEvent) => boolean) => events.some(check);
    expect(some((event) => event.dates.start.timeTBA && !event.dates.start.dateTime)).toBe(true);
    expect(some((event) => event.dates.start.noSpecificTime && !event.dates.start.dateTime)).toBe(true);
    expect(some((event) => event.dates.start.dateTBA && !event.dates.start.localDate)).toBe(true);
    for (const code of ['onsale', 'cancelled', 'postponed', 'rescheduled'])
      expect(some((event) => event.dates.status.code === code)).toBe(true);
    expect(some((event) => !event.priceRanges)).toBe(true);
    expect(some((event) => !event.dates.timezone && Boolean(event._embedded?.venues[0]?.timezone))).toBe(
      true,
    );
    expect(some((event) => !event.dates.timezone && !event._embedded?.venues[0]?.timezone)).toBe(true);
    expect(some((event) => !event._embedded)).toBe(true);
    expect(new Set(events.map((event) => event.dates.timezone).filter(Boolean)).size).toBeGreaterThan(5);
  });
});

describe('its faults, as Apigee sends them', () => {
  test('a wrong key: 401 Invalid ApiKey', async () => {
    const { response, body } = await discover({ apikey: 'not-a-key' });
    expect(response.status).toBe(401);
    expect(body.fault).toEqual({
      faultstring: 'Invalid ApiKey',
      detail: { errorcode: 'oauth.v2.InvalidApiKey' },
    });
  });

  test('more than 5 a second: 429 SpikeArrestViolation, and answers again a second later', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const burst = await Promise.all(
      Array.from({ length: SPIKE_LIMIT_PER_SECOND + 2 }, () => discover({}, { paced: false })),
    );
    const statuses = burst.map(({ response }) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(SPIKE_LIMIT_PER_SECOND);
    const arrested = burst.filter(({ response }) => response.status === 429);
    expect(arrested).toHaveLength(2);
    expectAll(
      arrested,
      ({ body }) => body.fault?.detail.errorcode === 'policies.ratelimit.SpikeArrestViolation',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await discover({})).response.status).toBe(200);
  });

  test('the day spent: 429 QuotaViolation with nothing available until the reset', async () => {
    const quota = await startDemoServer();
    try {
      quota.spendTicketmasterQuota(DEMO_TICKETMASTER_KEY, DAILY_QUOTA);
      const response = await fetch(`${quota.ticketmasterBase}/events.json?apikey=${DEMO_TICKETMASTER_KEY}`);
      const body = (await response.json()) as Discovery;
      expect(response.status).toBe(429);
      expect(body.fault?.detail.errorcode).toBe('policies.ratelimit.QuotaViolation');
      expect(response.headers.get('rate-limit-available')).toBe('0');
      expect(Number(response.headers.get('rate-limit-reset'))).toBeGreaterThan(Date.now());
    } finally {
      await quota.close();
    }
  });

  test('injected: a 503 fault, an HTML page from the gateway, a reset connection', async () => {
    demo.injectTicketmasterFaults({ kind: 'status', status: 503 }, { kind: 'html' }, { kind: 'reset' });
    const unavailable = await discover({});
    expect(unavailable.response.status).toBe(503);
    expect(unavailable.body.fault).toBeDefined();
    const html = await discover({});
    expect(html.response.status).toBe(502);
    expect(html.text).toMatch(/^<html>/);
    await expect(discover({})).rejects.toThrow();
    expect((await discover({})).response.status).toBe(200);
  });

  test('injected: a delay for one city waits for a request for that city, and the others go by', async () => {
    demo.injectTicketmasterFaults({ kind: 'delay', delayMs: 2_000, city: 'Berlin' });
    // Paris asks first: met by a plain "next request" fault it would be the one held back.
    const answered: string[] = [];
    const ask = (city: string) =>
      discover({ city }, { paced: false }).then(({ response }) => {
        expect(response.status).toBe(200);
        answered.push(city);
      });
    const paris = ask('Paris');
    await Promise.all([paris, ask('Berlin')]);
    expect(answered).toEqual(['Paris', 'Berlin']);
  });
});
