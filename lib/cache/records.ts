import { eventSearchText, parseStoredEvent } from '../event';
import { isProviderId } from '../provider-id';
import { normalizeQuery } from '../query';
import { isFiniteNumber, isRecord, isStringArray } from '../shape';
import type { CachedEvent, CachedSearch, SyncRecord } from './db';

/**
 * Records as read back from IndexedDB. An older build's record, or one a crash cut short, reads as
 * missing (or, for an event without its search text, with the text made again): nothing half-formed
 * reaches the popup or the sync, and nothing throws.
 */

export function parseCachedEvent(raw: unknown): CachedEvent | null {
  const event = parseStoredEvent(raw);
  if (!event) return null;
  const text = (raw as { text?: unknown }).text;
  return { ...event, text: typeof text === 'string' ? text : eventSearchText(event) };
}

export function parseCachedSearch(raw: unknown): CachedSearch | null {
  if (!isRecord(raw) || !isProviderId(raw.provider) || typeof raw.key !== 'string' || !isRecord(raw.query) || !isStringArray(raw.eventIds)) return null;
  if (!isFiniteNumber(raw.fetchedAt) || !isFiniteNumber(raw.lastUsedAt) || !(raw.cursor === undefined || typeof raw.cursor === 'string')) return null;
  return {
    provider: raw.provider,
    key: raw.key,
    query: normalizeQuery(raw.query),
    eventIds: raw.eventIds,
    ...(raw.cursor ? { cursor: raw.cursor } : {}),
    fetchedAt: raw.fetchedAt,
    lastUsedAt: raw.lastUsedAt,
  };
}

export function parseSyncRecord(raw: unknown): SyncRecord | null {
  if (!isRecord(raw) || typeof raw.savedId !== 'string' || !isProviderId(raw.provider) || !isStringArray(raw.seenIds) || !isStringArray(raw.newIds)) return null;
  if (!(raw.horizon === null || (typeof raw.horizon === 'string' && !Number.isNaN(Date.parse(raw.horizon))))) return null;
  return {
    savedId: raw.savedId,
    provider: raw.provider,
    seenIds: raw.seenIds,
    newIds: raw.newIds,
    horizon: raw.horizon,
    ...(isFiniteNumber(raw.lastSyncedAt) ? { lastSyncedAt: raw.lastSyncedAt } : {}),
  };
}
