import type { Event } from '../event';
import { PROVIDER_IDS } from '../provider-id';
import type { CacheDb, SyncRecord } from './db';
import { parseSyncRecord } from './records';
import { CACHE_LIMITS, withQuotaRetry, writePageIn, type PageWrite } from './searches';

/** Forgets what every provider's sync saw of a saved search. */
export async function removeSyncRecords(db: CacheDb, savedId: string): Promise<void> {
  const tx = db.transaction('syncState', 'readwrite');
  await Promise.all([...PROVIDER_IDS.map((provider) => tx.store.delete([provider, savedId])), tx.done]);
}

/** When each provider last synced each saved search: `${provider} ${savedId}` → epoch ms. */
export async function lastSyncTimes(db: CacheDb): Promise<Map<string, number>> {
  const records = (await db.getAll('syncState')).map(parseSyncRecord);
  return new Map(
    records.flatMap((record) =>
      record?.lastSyncedAt === undefined ? [] : [[syncTaskKey(record), record.lastSyncedAt] as const],
    ),
  );
}

/** One saved search on one provider, as sync's progress and lastSyncTimes name it. */
export const syncTaskKey = ({ provider, savedId }: Pick<SyncRecord, 'provider' | 'savedId'>): string =>
  `${provider} ${savedId}`;

/** The latest start among dated events (an unannounced date sorts last, but says nothing of how far a sync read). */
const latestStart = (events: Event[]) =>
  events.reduce<string | null>(
    (latest, { start }) =>
      start.known !== 'none' && (latest === null || start.utc > latest) ? start.utc : latest,
    null,
  );

/**
 * Writes what a sync read for a saved search on one provider (its pages, as one cached search) and its
 * bookkeeping in one transaction, and returns the events that are new: in neither the baseline nor an
 * earlier sync, and not merely beyond what the last sync read. The first record of a search on a provider
 * is its baseline there, so nothing is new then, whenever the provider was connected. Repeating a sync (a
 * resumed cycle) finds nothing twice.
 */
export async function recordSync(
  db: CacheDb,
  savedId: string,
  results: PageWrite,
  limits = CACHE_LIMITS,
): Promise<Event[]> {
  return withQuotaRetry(db, results, limits, async (tx, caps) => {
    await writePageIn(tx, { ...results, append: false }, caps);
    const store = tx.objectStore('syncState');
    const record = parseSyncRecord(await store.get([results.provider, savedId]));
    const seen = new Set(record?.seenIds ?? []);
    const unseen = results.events.filter((event) => !seen.has(event.id));
    const horizon = record?.horizon ?? null;
    const found = record ? unseen.filter((event) => horizon === null || event.start.utc <= horizon) : [];
    await store.put({
      savedId,
      provider: results.provider,
      seenIds: [...seen, ...unseen.map((event) => event.id)],
      newIds: [...new Set([...(record?.newIds ?? []), ...found.map((event) => event.id)])],
      horizon: results.cursor ? latestStart(results.events) : null,
      lastSyncedAt: results.now,
    });
    return found;
  });
}

export async function countNew(db: CacheDb): Promise<number> {
  return (await db.getAll('syncState')).reduce(
    (sum, raw) => sum + (parseSyncRecord(raw)?.newIds.length ?? 0),
    0,
  );
}

/** The new events of every saved search, every provider's together, handed over once: the user has now seen them. */
export async function takeNewIds(db: CacheDb): Promise<Map<string, string[]>> {
  const tx = db.transaction('syncState', 'readwrite');
  const taken = new Map<string, string[]>();
  for (const record of (await tx.store.getAll()).map(parseSyncRecord)) {
    if (!record?.newIds.length) continue;
    taken.set(record.savedId, [...(taken.get(record.savedId) ?? []), ...record.newIds]);
    await tx.store.put({ ...record, newIds: [] });
  }
  await tx.done;
  return taken;
}
