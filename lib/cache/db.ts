import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ProviderId } from '../settings';

export const CACHE_NAME = 'event-scout-cache';
export const CACHE_VERSION = 1;

export interface CachedSearch {
  provider: ProviderId;
  /** The normalized query, so equal searches share one record. */
  query: string;
  eventIds: string[];
  cursor?: string;
  fetchedAt: number;
  lastUsedAt: number;
}

export interface CacheSchema extends DBSchema {
  /** Each event once, keyed by provider and id; the record is the common Event model. */
  events: { key: [ProviderId, string]; value: { provider: ProviderId; id: string } & Record<string, unknown> };
  searches: { key: [ProviderId, string]; value: CachedSearch; indexes: { byLastUsed: number } };
}

export type CacheDb = IDBPDatabase<CacheSchema>;

/** The one way into the cache, for the worker and the popup alike. */
export function openCache(): Promise<CacheDb> {
  return openDB<CacheSchema>(CACHE_NAME, CACHE_VERSION, {
    upgrade(db, oldVersion) {
      // Cumulative: each step takes the schema from the version before it.
      if (oldVersion < 1) {
        db.createObjectStore('events', { keyPath: ['provider', 'id'] });
        db.createObjectStore('searches', { keyPath: ['provider', 'query'] }).createIndex('byLastUsed', 'lastUsedAt');
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
