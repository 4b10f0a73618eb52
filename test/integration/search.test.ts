import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ApiFault } from '../../demo/api';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { RETRY_POLICY } from '../../lib/retry-policy';
import { stubIdentity } from '../support/identity';
import { walkAuthorization } from '../support/walk-authorization';
import { expectAll } from '../support/every';
import type { Problem } from '../../lib/problem';
import { pointBuildAt } from '../support/demo-env';

// The search service against the demo server on loopback: the whole path from a query to the cache.
let demo: DemoServer;
let search: typeof import('../../lib/search');
let session: typeof import('../../lib/auth/session');
let settings: typeof import('../../lib/settings');
let eventbriteItems: typeof import('../../lib/providers/eventbrite-settings');
let cache: typeof import('../../lib/cache/searches');
let db: typeof import('../../lib/cache/db');
let query: typeof import('../../lib/query');

beforeAll(async () => {
  demo = await startDemoServer();
  pointBuildAt(demo);
  search = await import('../../lib/search');
  session = await import('../../lib/auth/session');
  settings = await import('../../lib/settings');
  eventbriteItems = await import('../../lib/providers/eventbrite-settings');
  cache = await import('../../lib/cache/searches');
  db = await import('../../lib/cache/db');
  query = await import('../../lib/query');
});
afterAll(() => demo.close());
// Every injected fault met the request it was meant for: a retry too many or too few leaves them unbalanced.
afterEach(() => expect(demo.pendingFaults()).toBe(0));

const timeZone = 'Europe/Berlin';
/** The provider the test signed in to: each search request asks it. */
let signedInTo: 'demo' | 'eventbrite' = 'demo';
const request = (text: string, extra: object = {}) => ({
  provider: signedInTo,
  query: query.normalizeQuery({ text }),
  timeZone,
  ...extra,
});
const searchRequests = () => demo.requestCount('GET /v3/events/search/');
/** A fault on every attempt the retry policy makes, so that it reaches the caller. */
const onEveryAttempt = (fault: ApiFault) => Array.from({ length: RETRY_POLICY.attempts }, () => fault);

async function signIn(provider: 'demo' | 'eventbrite', login = 'demo', password = 'demo') {
  fakeBrowser.reset();
  await deleteDB(db.CACHE_NAME);
  stubIdentity(({ url }) => walkAuthorization(url, { login, password }));
  await session.signIn(provider);
  const state = await settings.authStates[provider].getValue();
  if (state.status !== 'signed-in') throw new Error(`not signed in: ${JSON.stringify(state)}`);
  signedInTo = provider;
}

async function cachedIds(text: string, provider: 'demo' | 'eventbrite' = 'demo') {
  const connection = await db.openCache();
  try {
    return (
      await cache.readSearch(connection, provider, query.queryKey(query.normalizeQuery({ text })))
    )?.events.map((event) => event.id);
  } finally {
    connection.close();
  }
}

describe('the demo provider', () => {
  beforeEach(() => signIn('demo'));

  test('a search goes to the network once, then comes from the cache until Refresh', async () => {
    const before = searchRequests();
    const first = await search.runSearch(request('jazz'));
    expect(first.events).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(first.problem).toBeUndefined();
    expect(searchRequests()).toBe(before + 1);

    const again = await search.runSearch(request('  JAZZ '));
    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(searchRequests()).toBe(before + 1);

    await search.runSearch(request('jazz', { force: true }));
    expect(searchRequests()).toBe(before + 2);
  });

  test('stale results are revalidated', async () => {
    await search.runSearch(request('yoga'));
    await settings.searchSettings.setValue({ cacheTtlMinutes: 0 });
    const before = searchRequests();
    await search.runSearch(request('yoga'));
    expect(searchRequests()).toBe(before + 1);
    await settings.searchSettings.removeValue();
  });

  test('More adds the next page', async () => {
    const first = await search.runSearch(request('jazz'));
    // The answer goes out before its write lands (lib/search.ts); "More" continues from what is written.
    await expect.poll(() => cachedIds('jazz')).toEqual(first.events.map((event) => event.id));
    const more = await search.loadMore(request('jazz'));
    expect(more.events.length).toBeGreaterThan(50);
    expect(more.events.slice(0, 50)).toEqual(first.events);
    expect(new Set(more.events.map((event) => event.id)).size).toBe(more.events.length);
    expect(await cachedIds('jazz')).toEqual(more.events.map((event) => event.id));
  });

  test('filters reach the server', async () => {
    const free = await search.runSearch({
      provider: signedInTo,
      query: query.normalizeQuery({ place: 'Berlin', freeOnly: true, when: 'month' }),
      timeZone,
    });
    expect(free.events.length).toBeGreaterThan(0);
    expectAll(free.events, (event) => event.free === true && event.venue?.city === 'Berlin');
    const online = await search.runSearch({
      provider: signedInTo,
      query: query.normalizeQuery({ onlineOnly: true }),
      timeZone,
    });
    expectAll(online.events, (event) => event.online && event.venue === null);
  });

  describe('the retry policy against the real server', () => {
    test('a 500 and a reset connection are retried, and the search succeeds', async () => {
      const before = searchRequests();
      demo.injectFaults({ status: 500, error: 'INTERNAL_ERROR' }, { reset: true });
      const result = await search.runSearch(request('jazz', { force: true }));
      expect(result.problem).toBeUndefined();
      expect(result.events.length).toBeGreaterThan(0);
      expect(searchRequests() - before).toBe(3);
    });

    test.each([
      ['seconds', () => 1],
      // An HTTP date has whole seconds: two from now is at least one.
      ['an HTTP date', () => new Date(Date.now() + 2_000).toUTCString()],
    ])('a short Retry-After in %s is waited out', async (_form, retryAfter) => {
      const before = searchRequests();
      demo.injectFaults({ status: 429, error: 'HIT_RATE_LIMIT', retryAfter: retryAfter() });
      const started = Date.now();
      const result = await search.runSearch(request('pottery', { force: true }));
      expect(result.problem).toBeUndefined();
      expect(searchRequests() - before).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    test('a 401 refreshes the token once and retries once', async () => {
      const [searches, refreshes] = [searchRequests(), demo.requestCount('POST /token')];
      demo.injectFaults({ status: 401, error: 'INVALID_AUTH' });
      const result = await search.runSearch(request('jazz', { force: true }));
      expect(result.problem).toBeUndefined();
      expect([searchRequests() - searches, demo.requestCount('POST /token') - refreshes]).toEqual([2, 1]);
    });

    test('a second 401 after the refresh is not retried again', async () => {
      const [searches, refreshes] = [searchRequests(), demo.requestCount('POST /token')];
      demo.injectFaults({ status: 401, error: 'INVALID_AUTH' }, { status: 401, error: 'INVALID_AUTH' });
      await expect(search.runSearch(request('jazz', { force: true }))).rejects.toMatchObject({
        code: 'auth',
      });
      expect([searchRequests() - searches, demo.requestCount('POST /token') - refreshes]).toEqual([2, 1]);
    });

    test('a 403 never refreshes', async () => {
      const [searches, refreshes] = [searchRequests(), demo.requestCount('POST /token')];
      demo.injectFaults({ status: 403, error: 'NOT_AUTHORIZED' });
      await expect(search.runSearch(request('jazz'))).rejects.toMatchObject({ code: 'forbidden' });
      expect([searchRequests() - searches, demo.requestCount('POST /token') - refreshes]).toEqual([1, 0]);
    });

    test('a body cut off halfway is retried', async () => {
      const before = searchRequests();
      demo.injectFaults({
        status: 200,
        rawBody: JSON.stringify({ events: [], pagination: { has_more_items: false } }),
        reset: true,
      });
      const result = await search.runSearch(request('tango', { force: true }));
      expect(result.problem).toBeUndefined();
      expect(searchRequests() - before).toBe(2);
    });
  });

  describe('when the API fails, the error is clear and the cache untouched', () => {
    // Each answer is given as many times as the retry policy asks: once when it is not retried.
    test.each([
      [
        '429 with a Retry-After too long to wait',
        [{ status: 429, error: 'HIT_RATE_LIMIT', retryAfter: 120 }],
        { code: 'rate-limit', params: { seconds: 120 } },
      ],
      ['500 on every attempt', onEveryAttempt({ status: 500, error: 'INTERNAL_ERROR' }), { code: 'server' }],
      [
        'truncated JSON',
        [{ status: 200, rawBody: '{"pagination": {"has_more_items": tru' }],
        { code: 'malformed' },
      ],
      ['JSON of the wrong shape', [{ status: 200, rawBody: '{"events": "none"}' }], { code: 'malformed' }],
    ] as [string, ApiFault[], Problem][])('%s', async (_name, faults, problem) => {
      const original = await search.runSearch(request('pottery'));
      demo.injectFaults(...faults);
      const result = await search.runSearch(request('pottery', { force: true }));
      expect(result.problem).toEqual(problem);
      expect(result.events).toEqual(original.events);
      expect(await cachedIds('pottery')).toEqual(original.events.map((event) => event.id));
    });

    test('with nothing cached, the error itself', async () => {
      demo.injectFaults(...onEveryAttempt({ status: 500, error: 'INTERNAL_ERROR' }));
      await expect(search.runSearch(request('salsa'))).rejects.toMatchObject({ code: 'server' });
      expect(await cachedIds('salsa')).toBeUndefined();
    });
  });

  test('offline: the last results of this search, or matches from the whole cache', async () => {
    const jazz = await search.runSearch(request('jazz'));
    await demo.stop();
    try {
      const same = await search.runSearch(request('jazz', { force: true }));
      expect(same.problem).toEqual({ code: 'offline' });
      expect(same.events).toEqual(jazz.events);

      const other = await search.runSearch(request('jazz night winter'));
      expect(other.problem).toEqual({ code: 'offline' });
      expect(other.fetchedAt).toBeNull();
      expectAll(other.events, (event) => /jazz night/i.test(event.title) && /winter/i.test(event.title));
    } finally {
      await demo.resume();
    }
  });
});

describe('the eventbrite provider against the local Eventbrite', () => {
  test('merges orders and organizations’ events, filtered locally, within 9 requests a page', async () => {
    await signIn('eventbrite', 'sam', 'sam-password');
    await eventbriteItems.eventbriteSettings.setValue({ clientId: '', organizerIds: ['5003', '5004', '99'] });
    const routes = [
      'GET /v3/users/me/organizations/',
      'GET /v3/users/me/orders/',
      'GET /v3/organizations/301/events/',
      'GET /v3/organizers/5003/events/',
      'GET /v3/organizers/5004/events/',
      'GET /v3/organizers/99/events/',
    ];
    const count = () => routes.reduce((sum, route) => sum + demo.requestCount(route), 0);

    const before = count();
    const all = await search.runSearch({ provider: signedInTo, query: query.EMPTY_QUERY, timeZone });
    expect(count() - before).toBe(6);
    expect(all.events.length).toBeGreaterThan(50);
    const ids = all.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.events.map((event) => event.start.utc)).toEqual(
      [...all.events.map((event) => event.start.utc)].sort(),
    );
    expect(all.hasMore).toBe(true);

    const yoga = await search.runSearch(request('yoga'));
    expect(yoga.events.length).toBeGreaterThan(0);
    expectAll(yoga.events, (event) => /yoga/i.test(`${event.title} ${event.summary}`));

    const beforeMore = count();
    const more = await search.loadMore({ provider: signedInTo, query: query.EMPTY_QUERY, timeZone });
    expect(more.events.length).toBeGreaterThan(all.events.length);
    expect(count() - beforeMore).toBeLessThanOrEqual(4); // only the sources with more; never the organizations list again
    expect(demo.requestCount('GET /v3/users/me/organizations/')).toBe(2);
  });

  test('a rejected token is renewed without a window, once', async () => {
    await signIn('eventbrite');
    await eventbriteItems.eventbriteSettings.setValue({ clientId: '', organizerIds: [] });
    demo.revokeEventbriteTokens();
    const launch = vi.mocked(fakeBrowser.identity.launchWebAuthFlow);
    launch.mockClear();
    const result = await search.runSearch({ provider: signedInTo, query: query.EMPTY_QUERY, timeZone });
    expect(result.events.length).toBeGreaterThan(0);
    expect(launch.mock.calls.map(([details]) => details.interactive)).toEqual([false]);
  });
});
