import { eventSearchText, type Event } from '../event';
import type { ProviderId } from '../provider-id';
import { isRetained } from '../retention';
import type { SearchQuery } from '../query';
import type { IDBPTransaction } from 'idb';
import { ALL_STORES, type CacheDb, type CachedEvent, type CachedSearch, type CacheSchema } from './db';
import { parseCachedEvent, parseCachedSearch } from './records';

export type WriteTransaction = IDBPTransaction<CacheSchema, typeof ALL_STORES, 'readwrite'>;

/** Caps that keep the cache bounded: least recently used searches go first, then events no search shows. */
export const CACHE_LIMITS = { searches: 100, events: 5_000 };

export interface CachedResults {
  search: CachedSearch;
  events: Event[];
}

export const withoutText = ({ text: _text, ...event }: CachedEvent): Event => event;

/**
 * A cached search and its events in order, or undefined (also when the provider's terms no longer let it
 * be shown: lib/retention.ts). Read-only: painting never waits on a write.
 */
export async function readSearch(
  db: CacheDb,
  provider: ProviderId,
  key: string,
): Promise<CachedResults | undefined> {
  const tx = db.transaction(['searches', 'events'], 'readonly');
  const search = parseCachedSearch(await tx.objectStore('searches').get([provider, key]));
  if (!search || !isRetained(provider, search.fetchedAt)) return undefined;
  const events = await Promise.all(search.eventIds.map((id) => tx.objectStore('events').get([provider, id])));
  return {
    search,
    events: events
      .map(parseCachedEvent)
      .filter((event) => event !== null)
      .map(withoutText),
  };
}

export function isFresh(search: Pick<CachedSearch, 'fetchedAt'>, ttlMs: number, now = Date.now()): boolean {
  return now - search.fetchedAt < ttlMs;
}

export interface PageWrite {
  provider: ProviderId;
  key: string;
  query: SearchQuery;
  events: Event[];
  cursor?: string;
  /** A later page is added to the search; a first page replaces it. */
  append: boolean;
  now: number;
}

/** Deletes least recently used searches past the cap, then events no search refers to past the cap. */
async function evict(
  tx: WriteTransaction,
  limits: typeof CACHE_LIMITS,
  keep: [ProviderId, string],
): Promise<void> {
  const searches = tx.objectStore('searches');
  let excess = (await searches.count()) - limits.searches;
  let cursor = await searches.index('byLastUsed').openCursor();
  while (cursor && excess > 0) {
    if (cursor.value.provider !== keep[0] || cursor.value.key !== keep[1]) {
      await cursor.delete();
      excess--;
    }
    cursor = await cursor.continue();
  }

  const events = tx.objectStore('events');
  let extra = (await events.count()) - limits.events;
  if (extra <= 0) return;
  const referenced = new Set(
    (await searches.getAll())
      .map(parseCachedSearch)
      .flatMap((search) => (search ? search.eventIds.map((id) => `${search.provider}\u0000${id}`) : [])),
  );
  let eventCursor = await events.openCursor();
  while (eventCursor && extra > 0) {
    if (!referenced.has(`${eventCursor.value.provider}\u0000${eventCursor.value.id}`)) {
      await eventCursor.delete();
      extra--;
    }
    eventCursor = await eventCursor.continue();
  }
}

/**
 * Runs `work` in one transaction over every store, with nothing but IndexedDB inside: on any failure
 * the whole transaction is aborted, so a failed or interrupted write leaves what was there before.
 */
async function inWriteTransaction<T>(db: CacheDb, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
  const tx = db.transaction(ALL_STORES, 'readwrite');
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // It already ended (failed at commit): nothing left to take back.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Writes a page of results inside a caller's transaction. */
export async function writePageIn(
  tx: WriteTransaction,
  page: PageWrite,
  limits = CACHE_LIMITS,
): Promise<CachedSearch> {
  const searches = tx.objectStore('searches');
  const previous = page.append ? parseCachedSearch(await searches.get([page.provider, page.key])) : null;
  const ids = new Set(previous?.eventIds ?? []);
  const events = tx.objectStore('events');
  const writes: Promise<unknown>[] = [];
  try {
    for (const event of page.events) {
      ids.add(event.id);
      writes.push(events.put({ ...event, text: eventSearchText(event) }));
    }
    await Promise.all(writes);
  } finally {
    // After an abort every pending request rejects too: expected, not unhandled.
    for (const write of writes) write.catch(() => undefined);
  }
  const search: CachedSearch = {
    provider: page.provider,
    key: page.key,
    query: page.query,
    eventIds: [...ids],
    ...(page.cursor ? { cursor: page.cursor } : {}),
    fetchedAt: previous?.fetchedAt ?? page.now,
    lastUsedAt: page.now,
  };
  await searches.put(search);
  await evict(tx, limits, [page.provider, page.key]);
  return search;
}

const isQuotaError = (error: unknown) => error instanceof DOMException && error.name === 'QuotaExceededError';

/** Writes a page of results; when the browser says the disk is full, evicts harder and tries once more. */
export async function writeSearchPage(
  db: CacheDb,
  page: PageWrite,
  limits = CACHE_LIMITS,
): Promise<CachedSearch> {
  return withQuotaRetry(db, page, limits, (tx, caps) => writePageIn(tx, page, caps));
}

/** When the browser says the disk is full: evict to half the caps and try once more. */
export async function withQuotaRetry<T>(
  db: CacheDb,
  page: Pick<PageWrite, 'provider' | 'key'>,
  limits: typeof CACHE_LIMITS,
  work: (tx: WriteTransaction, caps: typeof CACHE_LIMITS) => Promise<T>,
): Promise<T> {
  try {
    return await inWriteTransaction(db, (tx) => work(tx, limits));
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    const tighter = { searches: Math.floor(limits.searches / 2), events: Math.floor(limits.events / 2) };
    await inWriteTransaction(db, (tx) => evict(tx, tighter, [page.provider, page.key]));
    return inWriteTransaction(db, (tx) => work(tx, tighter));
  }
}

/** Marks a search as just used, for the least-recently-used order. */
export async function touchSearch(
  db: CacheDb,
  provider: ProviderId,
  key: string,
  now = Date.now(),
): Promise<void> {
  const tx = db.transaction('searches', 'readwrite');
  const search = parseCachedSearch(await tx.store.get([provider, key]));
  if (search) await tx.store.put({ ...search, lastUsedAt: now });
  await tx.done;
}

/** How many offline matches are shown: enough to scroll, cheap to paint on every keystroke. */
export const OFFLINE_MATCH_LIMIT = 100;

export async function cacheSize(db: CacheDb): Promise<{ searches: number; events: number }> {
  return { searches: await db.count('searches'), events: await db.count('events') };
}
