import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CACHE_NAME, openCache, type CacheDb } from '@/lib/cache/db';
import { dropContentOlderThan, dropExpiredContent } from '@/lib/cache/retention';
import { readSearch, writeSearchPage } from '@/lib/cache/searches';
import type { Event } from '@/lib/event';
import type { ProviderId } from '@/lib/provider-id';
import { EMPTY_QUERY } from '@/lib/query';
import { CONTENT_MAX_AGE_MS, retainedUntil } from '@/lib/retention';
import { sampleEvent } from '../../../support/events';

let db: CacheDb;
beforeEach(async () => {
  db = await openCache();
});
afterEach(async () => {
  db.close();
  await deleteDB(CACHE_NAME);
});

const DAY = 86_400_000;
const WEEK = CONTENT_MAX_AGE_MS.ticketmaster!;
const write = (provider: ProviderId, key: string, events: Event[], now: number) =>
  writeSearchPage(db, { provider, key, query: EMPTY_QUERY, events, append: false, now });
const ids = async (provider: ProviderId) =>
  (await db.getAllKeys('events')).filter(([owner]) => owner === provider).map(([, id]) => id);

describe('content past what a provider’s terms allow', () => {
  test('Ticketmaster’s is kept a week: then neither shown nor kept; an event a fresher search shows stays', async () => {
    const now = Date.now();
    const shared = sampleEvent({ provider: 'ticketmaster', id: 'shared' });
    const old = sampleEvent({ provider: 'ticketmaster', id: 'old' });
    await write('ticketmaster', 'stale', [old, shared], now - WEEK - DAY);
    await write('ticketmaster', 'fresh', [shared], now - DAY);
    await write('demo', 'ancient', [sampleEvent({ provider: 'demo', id: 'd' })], now - 10 * WEEK);

    // Past the week it is never shown, even before a purge ran.
    expect(await readSearch(db, 'ticketmaster', 'stale')).toBeUndefined();
    expect((await readSearch(db, 'ticketmaster', 'fresh'))?.events).toHaveLength(1);

    expect(await dropContentOlderThan(db, 'ticketmaster', WEEK, now)).toBe(1);
    expect(await ids('ticketmaster')).toEqual(['shared']);
    expect(await db.get('searches', ['ticketmaster', 'stale'])).toBeUndefined();
    // Other providers' content has no such rule.
    expect((await readSearch(db, 'demo', 'ancient'))?.events).toHaveLength(1);
  });

  test('the background’s purge walks every provider with a rule', async () => {
    const now = Date.now();
    await write('ticketmaster', 'stale', [sampleEvent({ provider: 'ticketmaster', id: 'x' })], now - WEEK);
    db.close();
    await dropExpiredContent(now);
    db = await openCache();
    expect(await ids('ticketmaster')).toEqual([]);
  });
});

describe('retainedUntil', () => {
  test('the shortest time any provider shown allows; without a rule, no end', () => {
    expect(retainedUntil(['demo', 'ticketmaster'], 1_000)).toBe(1_000 + WEEK);
    expect(retainedUntil(['demo'], 1_000)).toBe(Number.MAX_SAFE_INTEGER);
    // Stored as JSON: a number, never Infinity (which would be stored as null).
    expect(JSON.parse(JSON.stringify(retainedUntil([], 0)))).toBe(Number.MAX_SAFE_INTEGER);
  });
});
