import { CONTENT_MAX_AGE_MS } from '../retention';
import type { ProviderId } from '../provider-id';
import { withCacheConnection, type CacheDb } from './db';
import { parseCachedSearch } from './records';

/**
 * Drops a provider's searches fetched `maxAgeMs` ago or more, and its events that no search of it still
 * shows, in one transaction; returns how many events went.
 */
export async function dropContentOlderThan(
  db: CacheDb,
  provider: ProviderId,
  maxAgeMs: number,
  now = Date.now(),
): Promise<number> {
  const range = IDBKeyRange.bound([provider], [provider, []]);
  const tx = db.transaction(['searches', 'events'], 'readwrite');
  const searches = (await tx.objectStore('searches').getAll(range)).map(parseCachedSearch);
  const kept = new Set<string>();
  const stale: string[] = [];
  for (const search of searches) {
    if (search && now - search.fetchedAt < maxAgeMs) search.eventIds.forEach((id) => kept.add(id));
    else if (search) stale.push(search.key);
  }
  const dropped = (await tx.objectStore('events').getAllKeys(range)).filter(([, id]) => !kept.has(id));
  // Every delete of one purge is issued at once, in one transaction: it commits whole or not at all.
  await Promise.all([
    ...stale.map((key) => tx.objectStore('searches').delete([provider, key])),
    ...dropped.map((key) => tx.objectStore('events').delete(key)),
    tx.done,
  ]);
  return dropped.length;
}

/** Every provider's content past the age its terms allow (lib/retention.ts) goes. */
export function dropExpiredContent(now = Date.now()): Promise<void> {
  return withCacheConnection(async (db) => {
    for (const [provider, maxAge] of Object.entries(CONTENT_MAX_AGE_MS))
      await dropContentOlderThan(db, provider as ProviderId, maxAge, now);
  });
}
