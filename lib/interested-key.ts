import type { Event } from './event';

// Apart from lib/interested.ts, which declares its storage and reads records: the popup's first files
// need only to know which results are kept.
export const INTERESTED_PREFIX = 'interested:';

/** The storage.sync key of an Interested event: one item each. */
export const interestedKey = (event: Pick<Event, 'provider' | 'id'>): string =>
  `${INTERESTED_PREFIX}${event.provider}:${event.id}`;

export const isInterestedKey = (key: string): boolean => key.startsWith(INTERESTED_PREFIX);
