import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { eventSearchText, exactStart, type Event } from '@/lib/event';
import { CACHE_NAME, CACHE_VERSION, openCache, type CacheDb } from '@/lib/cache/db';
import { searchCachedEvents } from '@/lib/cache/offline-index';
import { isFresh, readSearch, touchSearch, writeSearchPage, type PageWrite } from '@/lib/cache/searches';
import { EMPTY_QUERY, normalizeQuery, queryKey } from '@/lib/query';
import { sampleEvent } from '../../../support/events';

let db: CacheDb;

beforeEach(async () => {
  await deleteDB(CACHE_NAME);
  db = await openCache();
});
afterEach(() => {
  db.close();
  vi.useRealTimers();
});

function page(
  text: string,
  events = [sampleEvent(), sampleEvent()],
  extra: Partial<PageWrite> = {},
): PageWrite {
  const query = normalizeQuery({ text });
  return { provider: 'demo', key: queryKey(query), query, events, append: false, now: Date.now(), ...extra };
}

describe('searches and events', () => {
  test('an event seen in two searches is stored once', async () => {
    const shared = sampleEvent();
    await writeSearchPage(db, page('jazz', [shared, sampleEvent()]));
    await writeSearchPage(db, page('night', [shared]));
    expect(await db.count('events')).toBe(2);
    expect((await readSearch(db, 'demo', queryKey(normalizeQuery({ text: 'night' }))))?.events).toEqual([
      shared,
    ]);
  });

  test('a later page is added after the first, in order, without duplicates', async () => {
    const [a, b, c] = [sampleEvent(), sampleEvent(), sampleEvent()];
    await writeSearchPage(db, page('jazz', [a, b], { cursor: 'next' }));
    await writeSearchPage(db, page('jazz', [b, c], { append: true }));
    const cached = await readSearch(db, 'demo', queryKey(normalizeQuery({ text: 'jazz' })));
    expect(cached?.events.map((event) => event.id)).toEqual([a.id, b.id, c.id]);
    expect(cached?.search.cursor).toBeUndefined();
  });

  test('a first page replaces what was cached for the search', async () => {
    await writeSearchPage(db, page('jazz', [sampleEvent(), sampleEvent()], { cursor: 'next' }));
    const fresh = sampleEvent();
    await writeSearchPage(db, page('jazz', [fresh]));
    expect((await readSearch(db, 'demo', queryKey(normalizeQuery({ text: 'jazz' }))))?.events).toEqual([
      fresh,
    ]);
  });

  test('a failed write leaves the previous results intact', async () => {
    const original = [sampleEvent(), sampleEvent()];
    await writeSearchPage(db, page('jazz', original));
    // The first event is written, the second fails: the transaction must take the first back.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to the store below
    const originalPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (++calls === 2) throw new DOMException('disk on fire', 'UnknownError');
      return originalPut.apply(this, args);
    });
    await expect(
      writeSearchPage(db, page('jazz', [sampleEvent(), sampleEvent(), sampleEvent()])),
    ).rejects.toThrow('disk on fire');
    put.mockRestore();
    expect(calls).toBe(2);
    expect((await readSearch(db, 'demo', queryKey(normalizeQuery({ text: 'jazz' }))))?.events).toEqual(
      original,
    );
    expect(await db.count('events')).toBe(2);
  });
});

describe('freshness', () => {
  test('fresh for the TTL, then stale', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T12:00:00Z'), toFake: ['Date'] });
    const search = { fetchedAt: Date.now() };
    expect(isFresh(search, 15 * 60_000)).toBe(true);
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(isFresh(search, 15 * 60_000)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(isFresh(search, 15 * 60_000)).toBe(false);
  });

  test('loading more keeps the time of the first page', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T12:00:00Z'), toFake: ['Date'] });
    await writeSearchPage(db, page('jazz', [sampleEvent()], { cursor: 'c', now: Date.now() }));
    vi.advanceTimersByTime(60_000);
    const search = await writeSearchPage(
      db,
      page('jazz', [sampleEvent()], { append: true, now: Date.now() }),
    );
    expect(search.fetchedAt).toBe(new Date('2030-01-01T12:00:00Z').getTime());
    expect(search.lastUsedAt).toBe(new Date('2030-01-01T12:01:00Z').getTime());
  });
});

describe('eviction', () => {
  const limits = { searches: 2, events: 3 };

  test('the least recently used search goes first, then the events no search shows', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T12:00:00Z'), toFake: ['Date'] });
    const oldOnly = sampleEvent();
    await writeSearchPage(db, page('old', [oldOnly], { now: Date.now() }), limits);
    vi.advanceTimersByTime(1000);
    await writeSearchPage(db, page('used', [sampleEvent()], { now: Date.now() }), limits);
    vi.advanceTimersByTime(1000);
    await touchSearch(db, 'demo', queryKey(normalizeQuery({ text: 'old' })));
    vi.advanceTimersByTime(1000);
    await writeSearchPage(db, page('new', [sampleEvent(), sampleEvent()], { now: Date.now() }), limits);

    const keys = (await db.getAll('searches')).map((search) => search.query.text).sort();
    expect(keys).toEqual(['new', 'old']); // "used" was the least recently used after "old" was touched
    expect(await db.count('events')).toBe(3);
    expect(await db.get('events', ['demo', oldOnly.id])).toBeDefined();
  });

  test('a quota error evicts harder and the write is tried once more', async () => {
    for (const text of ['a', 'b', 'c', 'd'])
      await writeSearchPage(db, page(text, [sampleEvent()]), { searches: 4, events: 10 });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const written = await writeSearchPage(db, page('e', [sampleEvent()]), { searches: 4, events: 10 });
    put.mockRestore();
    expect(written.query.text).toBe('e');
    expect(await db.count('searches')).toBeLessThanOrEqual(2);
    expect(await readSearch(db, 'demo', queryKey(normalizeQuery({ text: 'e' })))).toBeDefined();
  });
});

describe('offline search over the whole cache', () => {
  test('matches every cached event of the provider, soonest first', async () => {
    const later = sampleEvent({
      title: 'Jazz late',
      start: exactStart({ utc: '2031-01-02T00:00:00.000Z', timezone: 'UTC' }),
    });
    const sooner = sampleEvent({
      title: 'Jazz early',
      start: exactStart({ utc: '2031-01-01T00:00:00.000Z', timezone: 'UTC' }),
    });
    await writeSearchPage(db, page('one', [later, sampleEvent({ title: 'Opera' })]));
    await writeSearchPage(db, page('two', [sooner]));
    const found = await searchCachedEvents(db, 'demo', normalizeQuery({ text: 'jazz' }), {
      start: new Date('2030-01-01'),
    });
    expect(found.events.map((event) => event.title)).toEqual(['Jazz early', 'Jazz late']);
    expect(found.total).toBe(2);
    expect(found.events[0]).not.toHaveProperty('text');
  });
});

/** An event as 0.1.0 (schema 1 to 3) stored it: an exact start, a venue without coordinates, no price or status. */
function asStoredBy010(event: Event) {
  const { price: _price, status: _status, start, venue, ...rest } = event;
  return {
    ...rest,
    start: { utc: start.utc, timezone: start.timezone },
    venue: venue && { name: venue.name, city: venue.city, address: venue.address },
  };
}

describe('the schema', () => {
  const event = sampleEvent({
    title: 'Harbor Jazz',
    venue: { name: 'Pier 9', city: 'Oslo', address: 'Oslo', coordinates: null },
  });
  const search = {
    provider: 'demo',
    key: 'k',
    query: EMPTY_QUERY,
    eventIds: [event.id],
    fetchedAt: 1,
    lastUsedAt: 1,
  };

  async function expectUpgraded() {
    db = await openCache();
    expect(db.version).toBe(CACHE_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'kept', 'searches', 'syncState']);
    expect(await db.get('events', ['demo', event.id])).toEqual({
      ...event,
      text: expect.stringContaining('harbor jazz'),
    });
    expect((await readSearch(db, 'demo', 'k'))?.events).toEqual([event]);
    expect(
      (await searchCachedEvents(db, 'demo', normalizeQuery({ text: 'pier' }), { start: new Date(0) })).events,
    ).toHaveLength(1);
  }

  test('upgrades a version 1 database with data in it', async () => {
    db.close();
    await deleteDB(CACHE_NAME);
    const v1 = await openDB(CACHE_NAME, 1, {
      upgrade(old) {
        old.createObjectStore('events', { keyPath: ['provider', 'id'] });
        old
          .createObjectStore('searches', { keyPath: ['provider', 'key'] })
          .createIndex('byLastUsed', 'lastUsedAt');
      },
    });
    await v1.put('events', asStoredBy010(event));
    await v1.put('searches', search);
    v1.close();
    await expectUpgraded();
  });

  test('upgrades 0.1.0’s version 3 database: its events read in the grown model', async () => {
    db.close();
    await deleteDB(CACHE_NAME);
    const v3 = await openDB(CACHE_NAME, 3, {
      upgrade(old) {
        old.createObjectStore('events', { keyPath: ['provider', 'id'] });
        old
          .createObjectStore('searches', { keyPath: ['provider', 'key'] })
          .createIndex('byLastUsed', 'lastUsedAt');
        old.createObjectStore('syncState', { keyPath: 'savedId' });
      },
    });
    await v3.put('events', { ...asStoredBy010(event), text: eventSearchText(event) });
    await v3.put('searches', search);
    const seen = { savedId: 's1', provider: 'eventbrite', seenIds: ['1'], newIds: ['2'], horizon: null };
    await v3.put('syncState', seen);
    v3.close();
    await expectUpgraded();
    // What sync saw of a saved search stays its provider's, keyed by it, so that provider's baseline holds.
    expect(await db.get('syncState', ['eventbrite', 's1'])).toEqual(seen);
    expect(await db.count('syncState')).toBe(1);
  });
});
