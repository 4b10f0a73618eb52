import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_EVENTBRITE_CLIENT_ID } from '../../demo/eventbrite-oauth';
import { CITIES, generateEvents } from '../../demo/events-data';
import { chromeRedirectUri } from '../../demo/redirect-uris';
import { type Page, shapeEvent, userOrders } from '../../demo/events-api';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { walkAuthorization } from '../support/walk-authorization';
import { expectAll } from '../support/every';

let demo: DemoServer;
const tokens: Record<string, string> = {};

/** Signs in through the local Eventbrite's client-side flow, as the extension's eventbrite provider does. */
async function eventbriteToken(login: string, password: string): Promise<string> {
  const url = new URL('/oauth/authorize', demo.issuer);
  url.search = new URLSearchParams({
    response_type: 'token',
    client_id: LOCAL_EVENTBRITE_CLIENT_ID,
    redirect_uri: chromeRedirectUri(),
    state: 'st',
  }).toString();
  const callback = new URL(await walkAuthorization(url.href, { login, password }));
  const fragment = new URLSearchParams(callback.hash.slice(1));
  expect(fragment.get('state')).toBe('st');
  return fragment.get('access_token')!;
}

beforeAll(async () => {
  demo = await startDemoServer();
  tokens.dana = await eventbriteToken('demo', 'demo');
  tokens.sam = await eventbriteToken('sam', 'sam-password');
});
afterAll(() => demo.close());

/** The demo API's answers as far as these tests read them; each endpoint sends only its own fields. */
interface ApiBody {
  events: ReturnType<typeof shapeEvent>[];
  orders: ReturnType<typeof userOrders>['orders'];
  organizations: { id: string; name: string }[];
  pagination: Page<unknown>['pagination'];
  error?: string;
  name?: string;
}

async function get(path: string, params: Record<string, string> = {}, who = 'dana') {
  const url = new URL(`${demo.apiBase}${path}`);
  url.search = new URLSearchParams(params).toString();
  const response = await fetch(url, { headers: { authorization: `Bearer ${tokens[who]}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ApiBody };
}

describe('the generated data set', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const { events } = generateEvents({ now });

  test('is the same for the same seed and now', () => {
    expect(generateEvents({ now }).events.slice(0, 20)).toEqual(events.slice(0, 20));
  });

  test('has 5,000+ events over 90 days in 20 cities and several time zones, online and free ones', () => {
    expect(events.length).toBeGreaterThanOrEqual(5000);
    const cities = new Set(events.flatMap((event) => (event.venue ? [event.venue.address.city] : [])));
    expect(cities.size).toBe(CITIES.length);
    expect(CITIES.length).toBe(20);
    expect(new Set(events.map((event) => event.start.timezone)).size).toBeGreaterThanOrEqual(10);
    const starts = events.map((event) => Date.parse(event.start.utc));
    expect(Math.min(...starts)).toBeGreaterThan(now.getTime());
    expect(Math.max(...starts)).toBeLessThanOrEqual(now.getTime() + 91 * 86_400_000);
    expect(events.filter((event) => event.online_event && event.venue === null).length).toBeGreaterThan(200);
    expect(events.filter((event) => event.is_free).length).toBeGreaterThan(500);
  });

  test('writes local times that match the UTC instant in the event’s zone', () => {
    for (const event of events.slice(0, 200)) {
      const shown = new Intl.DateTimeFormat('sv-SE', {
        timeZone: event.start.timezone,
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(new Date(event.start.utc));
      expect(shown.replace(' ', 'T')).toBe(event.start.local);
    }
  });
});

describe('GET /v3/events/search/', () => {
  test('pages of 50 with a continuation, through every match, none twice', async () => {
    const seen = new Set<string>();
    let continuation: string | undefined;
    let pages = 0;
    let total: number | undefined;
    do {
      const { status, body } = await get('/events/search/', {
        q: 'jazz',
        ...(continuation ? { continuation } : {}),
      });
      expect(status).toBe(200);
      total = body.pagination.object_count;
      expect(body.events.length).toBeLessThanOrEqual(50);
      for (const event of body.events) {
        expect(seen.has(event.id)).toBe(false);
        seen.add(event.id);
      }
      continuation = body.pagination.has_more_items ? body.pagination.continuation : undefined;
      pages++;
    } while (continuation);
    expect(total).toBeGreaterThan(50);
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 50));
  });

  test('matches words in the name, the summary and the venue, ignoring case and accents', async () => {
    const byName = await get('/events/search/', { q: 'POTTERY wheel', expand: 'venue' });
    expect(byName.body.events.length).toBeGreaterThan(0);
    expectAll(byName.body.events, (event) => /pottery/i.test(event.name.text));
    const bySummary = await get('/events/search/', { q: 'mats provided' });
    expect(bySummary.body.pagination.object_count).toBeGreaterThan(0);
    const venue = demo.events().find((event) => event.venue)!.venue!.name;
    const byVenue = await get('/events/search/', { q: venue, expand: 'venue' });
    expect(byVenue.body.events.some((event) => event.venue?.name === venue)).toBe(true);
    const zurich = await get('/events/search/', { 'location.address': 'zurich', expand: 'venue' });
    expect(zurich.body.pagination.object_count).toBeGreaterThan(0);
    expect(new Set(zurich.body.events.map((event) => event.venue?.address.city))).toEqual(
      new Set(['Zürich']),
    );
  });

  test('inlines the venue only with expand=venue', async () => {
    const plain = await get('/events/search/', { 'location.address': 'Berlin' });
    expect(plain.body.events[0]).not.toHaveProperty('venue');
    expect(plain.body.events[0]?.venue_id).toBeTruthy();
  });

  test('filters by date range, online only and price', async () => {
    const start = new Date(Date.now() + 10 * 86_400_000);
    const end = new Date(Date.now() + 12 * 86_400_000);
    const iso = (date: Date) => date.toISOString().slice(0, 19);
    const ranged = await get('/events/search/', {
      'start_date.range_start': iso(start),
      'start_date.range_end': `${iso(end)}Z`,
    });
    expect(ranged.body.pagination.object_count).toBeGreaterThan(0);
    for (const event of ranged.body.events) {
      expect(Date.parse(event.start.utc)).toBeGreaterThanOrEqual(start.getTime() - 1000);
      expect(Date.parse(event.start.utc)).toBeLessThanOrEqual(end.getTime());
    }
    const online = await get('/events/search/', { online_events_only: 'true' });
    expectAll(online.body.events, (event) => event.online_event);
    const free = await get('/events/search/', { price: 'free' });
    expectAll(free.body.events, (event) => event.is_free);
  });

  test.each([
    [{ price: 'cheap' }],
    [{ online_events_only: 'maybe' }],
    [{ 'start_date.range_start': 'tomorrow' }],
    [{ 'start_date.range_start': '2030-01-02T00:00:00', 'start_date.range_end': '2030-01-01T00:00:00' }],
    [{ continuation: 'not-a-token' }],
    [{ sort: 'best' }],
  ])('answers 400 ARGUMENTS_ERROR to %j', async (params) => {
    const { status, body } = await get('/events/search/', params);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'ARGUMENTS_ERROR', status_code: 400 });
  });

  test('answers 429 HIT_RATE_LIMIT with Retry-After when a test asks', async () => {
    demo.injectFaults({ status: 429, error: 'HIT_RATE_LIMIT', retryAfter: 30 });
    const limited = await get('/events/search/', { q: 'jazz' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.body.error).toBe('HIT_RATE_LIMIT');
    expect((await get('/events/search/', { q: 'jazz' })).status).toBe(200);
  });
});

describe('what Eventbrite still offers, played locally', () => {
  test('the client-side flow signs the user straight back in once approved', async () => {
    expect(tokens.dana).toBeTruthy();
    expect((await get('/users/me/')).body.name).toBe('Dana Demo');
  });

  test('orders, with the event and its venue inlined', async () => {
    const { status, body } = await get('/users/me/orders/', { expand: 'event.venue' });
    expect(status).toBe(200);
    expect(body.orders.length).toBeGreaterThan(3);
    const order = body.orders.find((candidate) => candidate.event?.online_event === false);
    expect(order).toMatchObject({
      event_id: order?.event?.id,
      event: { venue: { address: { city: expect.any(String) } } },
    });
    const bare = await get('/users/me/orders/');
    expect(bare.body.orders[0]).not.toHaveProperty('event');
  });

  test('organizations and their events, with name_filter and time_filter', async () => {
    expect((await get('/users/me/organizations/')).body.organizations).toEqual([]);
    const { body } = await get('/users/me/organizations/', {}, 'sam');
    expect(body.organizations).toEqual([{ id: '301', name: 'Riverside Arts Collective' }]);

    const events = await get(
      '/organizations/301/events/',
      { time_filter: 'current_future', expand: 'venue' },
      'sam',
    );
    expect(events.body.pagination.object_count).toBeGreaterThan(50);
    const filtered = await get(
      '/organizations/301/events/',
      { name_filter: 'yoga', time_filter: 'current_future' },
      'sam',
    );
    expect(filtered.body.events.length).toBeGreaterThan(0);
    expectAll(filtered.body.events, (event) => /yoga/i.test(event.name.text));

    expect((await get('/organizations/301/events/')).body).toMatchObject({
      error: 'NOT_AUTHORIZED',
      status_code: 403,
    });
    expect((await get('/organizations/301/events/', { time_filter: 'soon' }, 'sam')).status).toBe(400);
  });

  test('an organizer’s events by id, and 404 for one that does not exist', async () => {
    const { body } = await get('/organizers/5003/events/', { expand: 'venue' });
    expect(body.events.length).toBeGreaterThan(0);
    expectAll(body.events, (event) => event.organizer_id === '5003');
    expect((await get('/organizers/99/events/')).body).toMatchObject({
      error: 'NOT_FOUND',
      status_code: 404,
    });
  });

  test('a revoked token is refused with INVALID_AUTH', async () => {
    const token = await eventbriteToken('demo', 'demo');
    demo.revokeEventbriteTokens();
    const response = await fetch(`${demo.apiBase}/users/me/`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await response.json()).toMatchObject({ error: 'INVALID_AUTH' });
    tokens.dana = await eventbriteToken('demo', 'demo');
    tokens.sam = await eventbriteToken('sam', 'sam-password');
  });
});
