import { openDB, type DBSchema, type IDBPDatabase, type StoreNames } from 'idb';
import { eventSearchText, type Event } from '../event';
import type { SearchQuery } from '../query';
import { upgradeStoredEvent } from './records';
import type { ProviderId, SignInProviderId } from '../provider-id';

export const CACHE_NAME = 'event-scout-cache';
export const CACHE_VERSION = 6;

/** An event as cached: the common model plus its folded search text, for filtering offline. */
export interface CachedEvent extends Event {
  text: string;
}

export interface CachedSearch {
  provider: ProviderId;
  /** answerKey(): equal searches share one record, whoever else was asked. */
  key: string;
  query: SearchQuery;
  /** In display order; each event is stored once, in `events`. */
  eventIds: string[];
  cursor?: string;
  fetchedAt: number;
  lastUsedAt: number;
}

/**
 * What background sync knows of a saved search on one provider: every event it has seen there, and those
 * not yet shown. One per (provider, saved search), so each provider keeps its own baseline.
 */
export interface SyncRecord {
  savedId: string;
  provider: ProviderId;
  /** The baseline taken when the search was saved, plus everything each sync found since. */
  seenIds: string[];
  /** Found by a sync and not yet seen by the user: what the badge counts. */
  newIds: string[];
  /**
   * The latest start among the events the last sync read, when it stopped before the end of the
   * results. Events beyond it were simply never read, so they are not "new" when they come in view.
   */
  horizon: string | null;
  lastSyncedAt?: number;
}

export interface CacheSchema extends DBSchema {
  events: { key: [ProviderId, string]; value: CachedEvent };
  searches: { key: [ProviderId, string]; value: CachedSearch; indexes: { byLastUsed: number } };
  syncState: { key: [ProviderId, string]; value: SyncRecord };
  /** Interested events in full (lib/cache/kept-events.ts): the user's, outside every clearing below. */
  kept: { key: [ProviderId, string]; value: Event };
}

/**
 * Every store of the account's data: a write transaction covers them all, so a sync's results and its
 * bookkeeping land together, and a sign-out clears them all. `kept` is not among them: it is the user's.
 */
export const ALL_STORES = ['searches', 'events', 'syncState'] as const;

export type CacheDb = IDBPDatabase<CacheSchema>;

/** The one way into the cache, for the worker and the popup alike. */
export function openCache(): Promise<CacheDb> {
  return openDB<CacheSchema>(CACHE_NAME, CACHE_VERSION, {
    // Cumulative: each step takes the schema from the version before it.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- idb keeps the upgrade transaction open across awaits of its own requests; a failed request aborts it
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('events', { keyPath: ['provider', 'id'] });
        db.createObjectStore('searches', { keyPath: ['provider', 'key'] }).createIndex(
          'byLastUsed',
          'lastUsedAt',
        );
      }
      if (oldVersion >= 1 && oldVersion < 4) {
        // v2 keeps each event's search text, so offline filtering reads no more than it shows; v4 grows
        // the model (start precision, zone source, coordinates, price, status). One walk does both.
        let cursor = await tx.objectStore('events').openCursor();
        while (cursor) {
          const event = upgradeStoredEvent(cursor.value) as CachedEvent;
          await cursor.update({ ...event, text: event.text ?? eventSearchText(event) });
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 5) {
        // v3 kept one record per saved search, of the one provider it was saved for; v5 keys them by
        // provider too. Each record moves as it was, so that provider's baseline carries on.
        const kept = oldVersion >= 3 ? await tx.objectStore('syncState' as never).getAll() : [];
        if (oldVersion >= 3) db.deleteObjectStore('syncState');
        const store = db.createObjectStore('syncState', { keyPath: ['provider', 'savedId'] });
        for (const record of kept) await store.put(record as SyncRecord);
      }
      if (oldVersion < 6) db.createObjectStore('kept', { keyPath: ['provider', 'id'] });
    },
    // Another context wants a newer version: step aside instead of blocking its upgrade.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

/** Opens the cache for one piece of work and closes it after, whatever happens. */
export async function withCacheConnection<T>(use: (db: CacheDb) => Promise<T>): Promise<T> {
  const db = await openCache();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

function clearStores(names: readonly StoreNames<CacheSchema>[]): Promise<void> {
  return withCacheConnection(async (db) => {
    const tx = db.transaction(names, 'readwrite');
    await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
  });
}

/** Every key of a provider's records in any store: keys are [provider, …], so they sort between these. */
const providerKeys = (provider: ProviderId) => IDBKeyRange.bound([provider], [provider, []]);

/**
 * What a signed-in account leaves: its provider's cached searches and events (orders are private) and
 * the sync state kept for that provider. Other providers' shares, Ticketmaster's among them, stay.
 */
export function clearAccountCache(provider: SignInProviderId): Promise<void> {
  return withCacheConnection(async (db) => {
    const tx = db.transaction(ALL_STORES, 'readwrite');
    await Promise.all([
      ...ALL_STORES.map((name) => tx.objectStore(name).delete(providerKeys(provider))),
      tx.done,
    ]);
  });
}

/** "Clear cache": every cached search and event goes; what sync has seen stays, so nothing turns "new". */
export function clearSearchCache(): Promise<void> {
  return clearStores(['searches', 'events']);
}

/** Removes one provider's cached searches and events; the others' stay. */
export function clearProviderCache(provider: ProviderId): Promise<void> {
  return withCacheConnection(async (db) => {
    const tx = db.transaction(['searches', 'events'], 'readwrite');
    await Promise.all([
      tx.objectStore('searches').delete(providerKeys(provider)),
      tx.objectStore('events').delete(providerKeys(provider)),
      tx.done,
    ]);
  });
}
