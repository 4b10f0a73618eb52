import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { eventSearchText, type Event } from '../event';
import type { SearchQuery } from '../query';
import type { ProviderId } from '../settings';

export const CACHE_NAME = 'event-scout-cache';
export const CACHE_VERSION = 2;

/** An event as cached: the common model plus its folded search text, for filtering offline. */
export interface CachedEvent extends Event {
  text: string;
}

export interface CachedSearch {
  provider: ProviderId;
  /** queryKey(): equal searches share one record. */
  key: string;
  query: SearchQuery;
  /** In display order; each event is stored once, in `events`. */
  eventIds: string[];
  cursor?: string;
  fetchedAt: number;
  lastUsedAt: number;
}

export interface CacheSchema extends DBSchema {
  events: { key: [ProviderId, string]; value: CachedEvent };
  searches: { key: [ProviderId, string]; value: CachedSearch; indexes: { byLastUsed: number } };
}

export type CacheDb = IDBPDatabase<CacheSchema>;

/** The one way into the cache, for the worker and the popup alike. */
export function openCache(): Promise<CacheDb> {
  return openDB<CacheSchema>(CACHE_NAME, CACHE_VERSION, {
    // Cumulative: each step takes the schema from the version before it.
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('events', { keyPath: ['provider', 'id'] });
        db.createObjectStore('searches', { keyPath: ['provider', 'key'] }).createIndex('byLastUsed', 'lastUsedAt');
      }
      if (oldVersion >= 1 && oldVersion < 2) {
        // v2 keeps each event's search text, so offline filtering reads no more than it shows.
        let cursor = await tx.objectStore('events').openCursor();
        while (cursor) {
          await cursor.update({ ...cursor.value, text: eventSearchText(cursor.value) });
          cursor = await cursor.continue();
        }
      }
    },
    // Another context wants a newer version: step aside instead of blocking its upgrade.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

/** Removes everything cached: orders are private, so signing out or switching account leaves nothing. */
export async function clearCache(): Promise<void> {
  const db = await openCache();
  try {
    const tx = db.transaction(['events', 'searches'], 'readwrite');
    await Promise.all([tx.objectStore('events').clear(), tx.objectStore('searches').clear(), tx.done]);
  } finally {
    db.close();
  }
}
