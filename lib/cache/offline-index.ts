import type { Event } from '../event';
import { EventIndex } from '../event-index';
import type { ProviderId } from '../provider-id';
import type { SearchQuery, TimeRange } from '../query';
import type { CacheDb } from './db';
import { parseCachedEvent } from './records';
import { OFFLINE_MATCH_LIMIT, withoutText } from './searches';

// Filtering the cache offline, with the index (lib/event-index.ts): the popup while the user types, the
// background when a search finds no connection.

/** Every cached event of the providers, indexed for filtering as the user types. */
export async function indexCachedEvents(db: CacheDb, providers: readonly ProviderId[]): Promise<EventIndex> {
  const stored = await Promise.all(
    providers.map((provider) => db.getAll('events', IDBKeyRange.bound([provider, ''], [provider, '\uffff']))),
  );
  const records = stored
    .flat()
    .map(parseCachedEvent)
    .filter((record) => record !== null);
  return EventIndex.build(records.map((record) => ({ event: withoutText(record), text: record.text })));
}

/**
 * The cached events of a provider that match a query, soonest first, at most OFFLINE_MATCH_LIMIT, and how
 * many matched: what "offline" can still offer, with the same matching as typing in the popup.
 */
export async function searchCachedEvents(
  db: CacheDb,
  provider: ProviderId,
  query: SearchQuery,
  range: TimeRange,
): Promise<{ events: Event[]; total: number }> {
  return (await indexCachedEvents(db, [provider])).search(query, range, OFFLINE_MATCH_LIMIT);
}
