import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { exactStart } from '@/lib/event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AuthError } from '@/lib/auth/errors';
import { getAccessToken } from '@/lib/auth/session';
import { cacheOwners, pendingSignIns, tokenStores } from '@/lib/auth/token-store';
import { ALL_STORES, openCache, type CacheDb } from '@/lib/cache/db';
import { indexCachedEvents } from '@/lib/cache/offline-index';
import { readSearch, writeSearchPage } from '@/lib/cache/searches';
import { countNew, recordSync, takeNewIds } from '@/lib/cache/sync-state';
import { parseStoredEvent } from '@/lib/cache/records';
import type { Event } from '@/lib/event';
import { EMPTY_QUERY, normalizeQuery, queryKey } from '@/lib/query';
import { listSavedSearches } from '@/lib/saved-searches';
import { authStates, lastQuery, providerSetting, searchSettings } from '@/lib/settings';
import { syncSettings, syncStatus } from '@/lib/sync-settings';
import { eventbriteSettings } from '@/lib/providers/eventbrite-settings';
import type { StoredItem } from '@/lib/stored-item';
import { runSyncCycle } from '@/lib/sync';
import { RUNS } from './arbitraries';
import { fakeFetch } from '../../support/fake-fetch';

// What comes back from storage and IndexedDB may be an older build's record, another device's, or one cut
// short: every read gives a well-formed value or the fallback, and nothing that reads it throws.

/** A stored record: a valid one with fields replaced by anything, or anything at all. */
const recordLike = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.record(
      Object.fromEntries(
        Object.entries(valid).map(([key, value]) => [key, fc.oneof(fc.constant(value), fc.jsonValue())]),
      ),
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  );

const ITEMS: [string, StoredItem<unknown>, Record<string, unknown>][] = [
  [
    'demo:authState',
    authStates.demo,
    {
      status: 'signed-in',
      provider: 'demo',
      account: { id: '1', name: 'Dana' },
      until: 1,
      problem: { code: 'interrupted', params: { n: 1 } },
    },
  ],
  [
    'demo:tokens',
    tokenStores.demo,
    {
      provider: 'demo',
      accessToken: 'at',
      refreshToken: 'rt',
      expiresAt: 1,
      refreshAt: 1,
      refreshStartedAt: 1,
    },
  ],
  [
    'demo:pendingSignIn',
    pendingSignIns.demo,
    { provider: 'demo', state: 's', codeVerifier: 'v', redirectUri: 'https://x.test/', expiresAt: 1 },
  ],
  ['demo:cacheOwner', cacheOwners.demo, { owner: 'demo:1' }],
  ['provider', providerSetting, { provider: 'eventbrite' }],
  ['eventbrite', eventbriteSettings, { clientId: 'abcd', organizerIds: ['1'] }],
  ['search', searchSettings, { cacheTtlMinutes: 15 }],
  [
    'lastQuery',
    lastQuery,
    { text: 'jazz', place: 'Berlin', when: 'weekend', onlineOnly: true, freeOnly: false },
  ],
  ['syncSettings', syncSettings, { intervalMinutes: 30, notifications: true }],
  ['syncStatus', syncStatus, { at: 1, outcome: { code: 'rate-limit', params: { seconds: 9 } }, found: 0 }],
];

/** Writes `raw` under the item's key as the browser would hold it, bypassing every check. */
async function writeRaw(item: StoredItem<unknown>, raw: unknown) {
  const [area, ...key] = item.storageItem.key.split(':') as ['local' | 'session' | 'sync', ...string[]];
  await fakeBrowser.storage[area].set({ [key.join(':')]: raw });
}

beforeEach(() => fakeBrowser.reset());

describe('storage items', () => {
  test.each(ITEMS)(
    '%s: any record reads as a value the item itself accepts back',
    async (_name, item, valid) => {
      await fc.assert(
        fc.asyncProperty(recordLike(valid), async (raw) => {
          await writeRaw(item, raw);
          const value = await item.getValue();
          // Accepted back: writing what was read and reading again gives the same.
          await item.setValue(value);
          expect(await item.getValue()).toEqual(value);
        }),
        { numRuns: RUNS / 2 },
      );
    },
  );

  test('saved searches: records of any shape are skipped, the rest are whole', async () => {
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string().map((key) => `saved:${key}`),
          recordLike({ id: 'x', name: 'Jazz', query: { text: 'jazz' }, createdAt: 1 }),
          { maxKeys: 4 },
        ),
        async (records) => {
          fakeBrowser.reset();
          await fakeBrowser.storage.sync.set(records);
          const listed = await listSavedSearches();
          expect(listed.length).toBeLessThanOrEqual(Object.keys(records).length);
          for (const saved of listed) {
            expect(typeof saved.id).toBe('string');
            if (saved.name !== undefined) expect(saved.name).toMatch(/\S/);
            expect(saved.query).toEqual(normalizeQuery(saved.query));
          }
          kept += listed.length;
        },
      ),
      { numRuns: RUNS / 2 },
    );
    // The cases reach records that are kept, not only ones that are skipped.
    expect(kept).toBeGreaterThan(RUNS / 50);
  });

  test('the background reads everything corrupt at once: typed errors and a sync status, nothing thrown', async () => {
    fakeFetch(() => Response.json({ events: [], pagination: { has_more_items: false } }));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(...ITEMS.map(([, , valid]) => recordLike(valid))),
          fc.jsonValue(),
          fc.jsonValue(),
          async (raws, progress, requests) => {
            fakeBrowser.reset();
            for (const [index, [, item]] of ITEMS.entries()) await writeRaw(item, raws[index]);
            await fakeBrowser.storage.local.set({ syncProgress: progress, syncRequests: requests });
            await getAccessToken('demo').catch((error: unknown) => expect(error).toBeInstanceOf(AuthError));
            expect(await runSyncCycle()).toMatchObject({
              outcome: { code: expect.any(String) },
              found: expect.any(Number),
            });
          },
        ),
        { numRuns: RUNS / 2 },
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('IndexedDB records', () => {
  let db: CacheDb;
  beforeEach(async () => {
    db = await openCache();
    const tx = db.transaction(ALL_STORES, 'readwrite');
    await Promise.all([...ALL_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
  });
  afterEach(() => db.close());

  const provider = fc.constantFrom('demo', 'eventbrite', 'other');
  const eventRecord = fc.record({
    provider,
    id: fc.constantFrom('1', '2', '3'),
    rest: recordLike({
      title: 'Jazz',
      summary: '',
      url: 'https://x.test/1',
      start: exactStart({ utc: '2030-01-01T00:00:00.000Z', timezone: 'UTC' }),
      end: null,
      venue: null,
      online: true,
      free: false,
      imageUrl: null,
      text: 'jazz',
    }),
  });
  const searchRecord = fc.record({
    provider,
    key: fc.constantFrom(queryKey(EMPTY_QUERY), 'other'),
    rest: recordLike({
      query: EMPTY_QUERY,
      eventIds: ['1', '2', '3'],
      cursor: 'c',
      fetchedAt: 1,
      lastUsedAt: 1,
    }),
  });
  const syncRecord = fc.record({
    savedId: fc.constantFrom('a', 'b'),
    // The key path's other half: a record is stored under its provider.
    provider: fc.constant('demo'),
    rest: recordLike({ seenIds: ['1'], newIds: ['2'], horizon: null, lastSyncedAt: 1 }),
  });
  const withKeys = <T extends { rest: unknown }>({ rest, ...keys }: T) => ({
    ...(typeof rest === 'object' && rest !== null && !Array.isArray(rest) ? rest : { value: rest }),
    ...keys,
  });

  const wellFormed = (events: Event[]) =>
    events.forEach((event) => expect(parseStoredEvent(event)).toEqual(event));
  const page = (events: Event[]) => ({
    provider: 'demo' as const,
    key: queryKey(EMPTY_QUERY),
    query: EMPTY_QUERY,
    events,
    cursor: 'next',
    append: true,
    now: 2,
  });
  const good: Event = {
    provider: 'demo',
    id: '4',
    title: 'Jazz four',
    summary: '',
    url: null,
    start: exactStart({ utc: '2030-01-04T00:00:00.000Z', timezone: 'UTC' }),
    end: null,
    venue: null,
    online: true,
    free: false,
    price: null,
    status: 'scheduled',
    imageUrl: null,
  };

  test('reads, writes and sync bookkeeping over records of any shape: well-formed results, nothing thrown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventRecord, { maxLength: 4 }),
        fc.array(searchRecord, { maxLength: 3 }),
        fc.array(syncRecord, { maxLength: 2 }),
        async (events, searches, syncs) => {
          const tx = db.transaction(ALL_STORES, 'readwrite');
          await Promise.all([
            ...ALL_STORES.map((store) => tx.objectStore(store).clear()),
            ...events.map((record) => tx.objectStore('events').put(withKeys(record) as never)),
            ...searches.map((record) => tx.objectStore('searches').put(withKeys(record) as never)),
            ...syncs.map((record) => tx.objectStore('syncState').put(withKeys(record) as never)),
            tx.done,
          ]);
          const cached = await readSearch(db, 'demo', queryKey(EMPTY_QUERY));
          if (cached) wellFormed(cached.events);
          wellFormed(
            (await indexCachedEvents(db, ['demo'])).search(EMPTY_QUERY, { start: new Date(0) }, 100).events,
          );
          await recordSync(db, 'a', page([good]));
          await writeSearchPage(db, page([good]));
          expect(
            (await readSearch(db, 'demo', queryKey(EMPTY_QUERY)))?.events.map((event) => event.id),
          ).toContain('4');
          // The badge's count and the hand-over read the same records: what one counts, the other gives.
          const counted = await countNew(db);
          const taken = [...(await takeNewIds(db)).values()].flat();
          expect(taken).toHaveLength(counted);
          for (const id of taken) expect(typeof id).toBe('string');
          expect(await countNew(db)).toBe(0);
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });
});
