import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { deleteDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tokenStores } from '@/lib/auth/token-store';
import { CACHE_NAME } from '@/lib/cache/db';
import { grants } from '../../support/fake-permissions';
import { listSavedSearches, saveSearch } from '@/lib/saved-searches';
import { authStates, ticketmasterConnection } from '@/lib/settings';
import { syncSettings, syncStatus } from '@/lib/sync-settings';
import { normalizeQuery } from '@/lib/query';
import { SYNC_BUDGETS, syncBudgetItem } from '@/lib/sync-budget';
import {
  ensureSyncAlarm,
  RESUME_ALARM,
  runSyncCycle,
  SYNC_ALARM,
  takeNewMatches,
  toggleSavedSearch,
} from '@/lib/sync';
import { fakeFetch } from '../../support/fake-fetch';

/** A scripted events API: each search answers with the events the test put there. */
let listings: { id: string; name: string; day: number }[] = [];
let answers: (() => Response)[] = [];
const searchRequests: URL[] = [];
/** Ticketmaster's Discovery, beside it: its own listings, requests and Rate-Limit-Available. */
let discoveryListings: typeof listings = [];
const discoveryRequests: URL[] = [];
let discoveryAvailable = 4_900;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function eventbriteEvent(listing: (typeof listings)[number]) {
  return {
    id: listing.id,
    name: { text: listing.name },
    url: `https://x.test/${listing.id}`,
    start: { utc: new Date(Date.UTC(2030, 0, listing.day, 18)).toISOString(), timezone: 'UTC' },
    online_event: true,
  };
}

/** One page of a search's answer, with more after it at `continuation`. */
const pageOf = (page: (typeof listings)[number][], continuation: string) => () =>
  json({ events: page.map(eventbriteEvent), pagination: { has_more_items: true, continuation } });

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDB(CACHE_NAME);
  listings = [
    { id: '1', name: 'Jazz one', day: 2 },
    { id: '2', name: 'Jazz two', day: 3 },
  ];
  answers = [];
  searchRequests.length = 0;
  vi.useFakeTimers({ now: new Date('2029-12-01T12:00:00Z'), toFake: ['Date', 'setTimeout'] });
  discoveryListings = [];
  discoveryRequests.length = 0;
  discoveryAvailable = 4_900;
  fakeFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/discovery/v2/events.json')) return discoveryAnswer(url);
    searchRequests.push(url);
    const scripted = answers.shift();
    if (scripted) return scripted();
    const words = (url.searchParams.get('q') ?? '').toLowerCase();
    const events = listings
      .filter((listing) => listing.name.toLowerCase().includes(words))
      .sort((a, b) => a.day - b.day);
    return json({ events: events.map(eventbriteEvent), pagination: { has_more_items: false } });
  });
  await tokenStores.demo.setValue({
    provider: 'demo',
    accessToken: 'at',
    refreshToken: 'rt',
    // Fresh for the simulated days these tests span.
    refreshAt: Date.now() + 7 * 24 * 3_600_000,
  });
  await authStates.demo.setValue({
    status: 'signed-in',
    provider: 'demo',
    account: { id: '1001', name: 'Dana Demo' },
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const badge = () => fakeBrowser.action.getBadgeText({});

function discoveryAnswer(url: URL): Response {
  discoveryRequests.push(url);
  const words = (url.searchParams.get('keyword') ?? '').toLowerCase();
  const events = discoveryListings
    .filter((listing) => listing.name.toLowerCase().includes(words))
    .map((listing) => ({
      id: listing.id,
      name: listing.name,
      url: `https://tm.test/${listing.id}`,
      dates: {
        start: { dateTime: new Date(Date.UTC(2030, 0, listing.day, 19)).toISOString() },
        timezone: 'UTC',
      },
    }));
  return json(
    { _embedded: { events }, page: { size: 50, totalElements: events.length, totalPages: 1, number: 0 } },
    200,
    {
      'rate-limit': '5000',
      'rate-limit-available': String(discoveryAvailable),
      'rate-limit-reset': String(Date.now() + 6 * 3_600_000),
    },
  );
}

let keys = 0;
/**
 * A Ticketmaster key of the user's own, as Options keeps one it checked; a new one each test, since the
 * worker's pacing of a key's requests lives in memory and the fake clock starts each test at one time.
 */
async function connectTicketmaster() {
  const key = `testkey${String(++keys).padStart(8, '0')}`;
  await fakeBrowser.storage.local.set({ ticketmasterKey: key });
  await ticketmasterConnection.setValue({ source: 'own', ending: key.slice(-4) });
}

describe('the sync alarm', () => {
  test('is created once, and not reset when the worker starts again', async () => {
    await ensureSyncAlarm();
    const first = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(first).toMatchObject({ periodInMinutes: 30 });
    vi.advanceTimersByTime(10 * 60_000);
    await ensureSyncAlarm();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toEqual(first);
  });

  test('follows a new interval', async () => {
    await ensureSyncAlarm();
    await syncSettings.setValue({ intervalMinutes: 90, notifications: false });
    await ensureSyncAlarm();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 90 });
  });
});

describe('a cycle', () => {
  test('the saved results are the baseline; an event in neither baseline nor an earlier sync is new', async () => {
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    expect(await badge()).toBe('');

    listings.push({ id: '3', name: 'Jazz three', day: 1 });
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' }, found: 1 });
    expect(await badge()).toBe('1');

    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' }, found: 0 });
    expect(await badge()).toBe('1');

    const matches = await takeNewMatches();
    expect(matches).toEqual([
      { savedId: expect.any(String), query: normalizeQuery({ text: 'jazz' }), newIds: ['3'] },
    ]);
    expect(await badge()).toBe('');
    expect(await takeNewMatches()).toEqual([]);
  });

  test('events beyond what the last sync read are not new when they come into view', async () => {
    // Three pages of results, so the sync stops before the end: the later events are simply unread.
    answers = [
      pageOf([{ id: 'a', name: 'Jazz a', day: 1 }], 'p2'),
      pageOf([{ id: 'b', name: 'Jazz b', day: 2 }], 'p3'),
      pageOf([{ id: 'c', name: 'Jazz c', day: 3 }], 'p4'),
    ];
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    // Event "a" is over; "d" (day 4) moves into the window, and "n" is a new listing on day 2.
    answers = [
      pageOf(
        [
          { id: 'n', name: 'Jazz n', day: 2 },
          { id: 'b', name: 'Jazz b', day: 2 },
        ],
        'p2',
      ),
      pageOf([{ id: 'c', name: 'Jazz c', day: 3 }], 'p3'),
      pageOf([{ id: 'd', name: 'Jazz d', day: 4 }], 'p4'),
    ];
    expect(await runSyncCycle()).toMatchObject({ found: 1 });
    expect((await takeNewMatches())[0]?.newIds).toEqual(['n']);
  });

  test('skips when signed out or offline, and when nothing is saved', async () => {
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'nothing-saved' } });
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    vi.stubGlobal('navigator', { onLine: false });
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'offline' } });
    vi.stubGlobal('navigator', { onLine: true });
    await authStates.demo.setValue({ status: 'signed-out' });
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'not-signed-in' } });
    expect(searchRequests).toHaveLength(0);
  });

  test('a saved search whose sources leave out the account’s provider is not synced on it', async () => {
    await saveSearch(normalizeQuery({ text: 'jazz', sources: ['ticketmaster'] }));
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'nothing-saved' } });
    await saveSearch(normalizeQuery({ text: 'jazz', sources: ['demo', 'ticketmaster'] }));
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' } });
    expect(searchRequests).toHaveLength(1);
  });

  test('a long Retry-After becomes an alarm, and the next cycle resumes where this one stopped', async () => {
    for (const text of ['one', 'two', 'three']) await saveSearch(normalizeQuery({ text }));
    answers = [
      () => json({ events: [], pagination: { has_more_items: false } }),
      () => json({ error: 'HIT_RATE_LIMIT', status_code: 429 }, 429, { 'retry-after': '600' }),
    ];
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'rate-limit' } });
    expect(await fakeBrowser.alarms.get(RESUME_ALARM)).toMatchObject({ scheduledTime: Date.now() + 600_000 });
    expect(searchRequests.map((url) => url.searchParams.get('q'))).toEqual(['one', 'two']);

    searchRequests.length = 0;
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' } });
    expect(searchRequests.map((url) => url.searchParams.get('q'))).toEqual(['two', 'three']);
  });

  test('a short Retry-After is waited out in place', async () => {
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    answers = [() => json({ error: 'HIT_RATE_LIMIT' }, 429, { 'retry-after': '3' })];
    let status: Awaited<ReturnType<typeof runSyncCycle>> | undefined;
    void runSyncCycle().then((result) => (status = result));
    for (let second = 0; second < 30 && !status; second++) await vi.advanceTimersByTimeAsync(1_000);
    expect(status).toMatchObject({ outcome: { code: 'synced' } });
    expect(searchRequests).toHaveLength(2);
    expect(await fakeBrowser.alarms.get(RESUME_ALARM)).toBeUndefined();
  });

  test('stays within the provider’s hourly request budget, and resumes when it opens again', async () => {
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    const { perHour } = SYNC_BUDGETS.demo;
    await fakeBrowser.storage.local.set({
      syncRequests: { demo: { hour: { start: Date.now() - 10 * 60_000, count: perHour } } },
      syncRequests$: { v: 2 },
    });
    expect(await runSyncCycle()).toMatchObject({
      outcome: { code: 'over-budget', params: { provider: 'demo' } },
    });
    expect(searchRequests).toHaveLength(0);
    expect(await fakeBrowser.alarms.get(RESUME_ALARM)).toMatchObject({
      scheduledTime: Date.now() + 50 * 60_000,
    });

    vi.advanceTimersByTime(50 * 60_000);
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' } });
    expect(searchRequests).toHaveLength(1);
  });

  test('counts every attempt, retries included', async () => {
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    answers = [() => json({ error: 'INTERNAL_ERROR' }, 500)];
    let status: Awaited<ReturnType<typeof runSyncCycle>> | undefined;
    void runSyncCycle().then((result) => (status = result));
    for (let second = 0; second < 30 && !status; second++) await vi.advanceTimersByTimeAsync(1_000);
    expect(status).toMatchObject({ outcome: { code: 'synced' } });
    expect(searchRequests).toHaveLength(2);
    const { syncRequests } = await fakeBrowser.storage.local.get('syncRequests');
    expect(syncRequests).toEqual({ demo: { hour: { start: expect.any(Number), count: 2 } } });
  });

  test('an hourly budget kept by 0.1.0 counts against each sign-in provider', async () => {
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    await fakeBrowser.storage.local.set({
      syncRequests: { start: Date.now() - 10 * 60_000, count: SYNC_BUDGETS.demo.perHour },
    });
    // As the worker does when it starts on a browser updated from 0.1.0.
    await syncBudgetItem.storageItem.migrate();
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'over-budget' } });
    expect(searchRequests).toHaveLength(0);
  });

  test('notifies, when allowed, naming the search and its new events', async () => {
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    await syncSettings.setValue({ intervalMinutes: 30, notifications: true });
    grants.permissions.add('notifications');
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id' as never);
    listings.push({ id: '9', name: 'Jazz nine', day: 1 });
    await runSyncCycle();
    expect(create).toHaveBeenCalledWith(
      expect.stringMatching(/^new:/),
      expect.objectContaining({ title: '1 new in “jazz”', message: 'Jazz nine' }),
    );
  });

  test('does not notify without the permission', async () => {
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    await syncSettings.setValue({ intervalMinutes: 30, notifications: true });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    listings.push({ id: '9', name: 'Jazz nine', day: 1 });
    await runSyncCycle();
    expect(create).not.toHaveBeenCalled();
    expect(await syncStatus.getValue()).toMatchObject({ found: 1 });
  });

  test('removing a saved search forgets its new events', async () => {
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    listings.push({ id: '3', name: 'Jazz three', day: 1 });
    await runSyncCycle();
    expect(await badge()).toBe('1');
    expect(await toggleSavedSearch(normalizeQuery({ text: 'jazz' }))).toBeNull();
    expect(await listSavedSearches()).toEqual([]);
    expect(await badge()).toBe('');
  });
});

describe('a cycle over several providers', () => {
  beforeEach(() => {
    listings = [{ id: '1', name: 'Jazz one', day: 2 }];
    discoveryListings = [{ id: 'tm1', name: 'Jazz arena', day: 4 }];
  });

  test('a saved search runs on every connected provider, each with its own baseline', async () => {
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    expect(discoveryRequests).toHaveLength(0);

    // Connected after the search was saved: its first sync is its baseline, so none of its events is new.
    await connectTicketmaster();
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' }, found: 0 });
    expect(discoveryRequests).toHaveLength(1);
    expect(await badge()).toBe('');

    discoveryListings.push({ id: 'tm2', name: 'Jazz club', day: 3 });
    listings.push({ id: '2', name: 'Jazz two', day: 3 });
    vi.advanceTimersByTime(SYNC_BUDGETS.ticketmaster.minIntervalMs);
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' }, found: 2 });
    const [match] = await takeNewMatches();
    expect(match?.newIds.sort()).toEqual(['2', 'tm2']);
  });

  test('Ticketmaster is synced hourly at most, the others every cycle', async () => {
    await connectTicketmaster();
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    expect([searchRequests.length, discoveryRequests.length]).toEqual([1, 1]);
    vi.advanceTimersByTime(30 * 60_000);
    await runSyncCycle();
    expect([searchRequests.length, discoveryRequests.length]).toEqual([2, 1]);
    vi.advanceTimersByTime(30 * 60_000);
    await runSyncCycle();
    expect([searchRequests.length, discoveryRequests.length]).toEqual([3, 2]);
  });

  test('no background request to Ticketmaster while less than its reserved share of the day is left', async () => {
    await connectTicketmaster();
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    discoveryAvailable = 5_000 * SYNC_BUDGETS.ticketmaster.reservedShare! - 1;
    vi.advanceTimersByTime(SYNC_BUDGETS.ticketmaster.minIntervalMs);
    // This answer tells how little is left; from then on the background leaves the key alone.
    await runSyncCycle();
    expect(discoveryRequests).toHaveLength(2);
    vi.advanceTimersByTime(SYNC_BUDGETS.ticketmaster.minIntervalMs);
    expect(await runSyncCycle()).toMatchObject({
      outcome: { code: 'over-budget', params: { provider: 'ticketmaster' } },
    });
    expect(discoveryRequests).toHaveLength(2);
    // Demo was synced all the same.
    expect(searchRequests).toHaveLength(3);
  });

  test('one provider out of budget leaves the others synced, and its share resumes later', async () => {
    await connectTicketmaster();
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    discoveryListings.push({ id: 'tm2', name: 'Jazz club', day: 3 });
    vi.advanceTimersByTime(SYNC_BUDGETS.ticketmaster.minIntervalMs);
    await fakeBrowser.storage.local.set({
      // Spent 50 minutes ago: it opens again in 10.
      syncRequests: { demo: { hour: { start: Date.now() - 50 * 60_000, count: SYNC_BUDGETS.demo.perHour } } },
      syncRequests$: { v: 2 },
    });
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'over-budget' }, found: 1 });
    expect(discoveryRequests).toHaveLength(2);

    listings.push({ id: '2', name: 'Jazz two', day: 3 });
    const resume = await fakeBrowser.alarms.get(RESUME_ALARM);
    expect(resume?.scheduledTime).toBe(Date.now() + 10 * 60_000);
    vi.setSystemTime(resume!.scheduledTime);
    // The resumed cycle asks only what is left, Demo's share; found counts the whole cycle's.
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' }, found: 2 });
    expect(searchRequests).toHaveLength(2);
    expect(discoveryRequests).toHaveLength(2);
  });

  test('a saved search of Ticketmaster alone syncs with a key and no sign-in', async () => {
    await authStates.demo.setValue({ status: 'signed-out' });
    await connectTicketmaster();
    await toggleSavedSearch(normalizeQuery({ text: 'jazz', sources: ['ticketmaster'] }));
    discoveryListings.push({ id: 'tm2', name: 'Jazz club', day: 3 });
    vi.advanceTimersByTime(SYNC_BUDGETS.ticketmaster.minIntervalMs);
    expect(await runSyncCycle()).toMatchObject({ outcome: { code: 'synced' }, found: 1 });
    expect(searchRequests).toHaveLength(0);
  });
});
