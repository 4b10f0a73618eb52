import { browser } from 'wxt/browser';
import { ProblemError } from './problem';

/**
 * storage.sync's limits, shared by everything the user keeps there (saved searches, Interested events,
 * settings): Chrome's, which Firefox matches. Checked before a write rather than learnt from a refusal,
 * so a write that would break one is refused with a clear message and nothing changes.
 */
export const SYNC_QUOTA = { bytesPerItem: 8_192, bytes: 102_400, items: 512 } as const;

export type SyncStorageErrorCode = 'sync-write-rate' | 'sync-storage-full' | 'sync-storage-failed';

/** What an item costs against the quota: its key and its value as JSON, in UTF-8. */
export const syncItemBytes = (key: string, value: unknown): number =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

/**
 * Refuses (sync-storage-full) when writing `writes` (key to value; null removes) would pass the total bytes
 * or items. Counted by hand: Firefox's storage.sync has no getBytesInUse.
 */
export async function checkSyncRoom(writes: Readonly<Record<string, unknown>>): Promise<void> {
  const stored = await browser.storage.sync.get(null);
  const after = { ...stored, ...writes };
  const entries = Object.entries(after).filter(([, value]) => value !== null && value !== undefined);
  const bytes = entries.reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
  if (bytes > SYNC_QUOTA.bytes || entries.length > SYNC_QUOTA.items)
    throw new ProblemError<SyncStorageErrorCode>('sync-storage-full');
}

/** A refusal from storage.sync as its problem: too many writes a minute or hour, full, or anything else. */
export function explainSyncError(error: unknown): ProblemError<SyncStorageErrorCode> {
  const detail = String((error as Error)?.message ?? error);
  if (/MAX_WRITE_OPERATIONS/i.test(detail)) return new ProblemError('sync-write-rate', { detail });
  if (/QUOTA/i.test(detail)) return new ProblemError('sync-storage-full', { detail });
  return new ProblemError('sync-storage-failed', { detail });
}
