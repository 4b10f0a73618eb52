import type { Event } from '../event';
import type { ProviderId } from '../provider-id';
import { withCacheConnection } from './db';
import { parseStoredEvent } from './records';

/**
 * The full Interested events, beside storage.sync's small items (lib/interested.ts): in a store of their
 * own, so no eviction, "Clear cache", sign-out or provider's caching rule reaches them.
 */
export const keepFullEvent = (event: Event): Promise<void> =>
  withCacheConnection(async (db) => void (await db.put('kept', event)));

export const forgetFullEvent = (provider: ProviderId, id: string): Promise<void> =>
  withCacheConnection((db) => db.delete('kept', [provider, id]));

/** Every full event kept, by `<provider>:<id>`; a record that does not read as an event is left out. */
export const readKeptEvents = (): Promise<Map<string, Event>> =>
  withCacheConnection(async (db) => {
    const events = (await db.getAll('kept')).map(parseStoredEvent).filter((event) => event !== null);
    return new Map(events.map((event) => [`${event.provider}:${event.id}`, event]));
  });
