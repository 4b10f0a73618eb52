import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { normalizeQuery, queryKey, type SearchQuery } from './query';
import { isProviderId, type ProviderId } from './provider-id';
import { isRecord } from './shape';

/**
 * Saved searches live in storage.sync, one versioned item each, so they follow the user to every
 * browser. storage.sync allows 8,192 bytes an item, about 100 KB in all and 120 writes a minute:
 * a write that would break a limit is refused with a clear message before anything changes.
 */
export interface SavedSearch {
  id: string;
  name: string;
  provider: ProviderId;
  query: SearchQuery;
  createdAt: number;
}

export const MAX_SAVED_SEARCHES = 50;
export const MAX_NAME_LENGTH = 80;
const ITEM_PREFIX = 'saved:';
const QUOTA_BYTES_PER_ITEM = 8_192;
const QUOTA_BYTES = 102_400;

export class SavedSearchError extends Error {
  override readonly name = 'SavedSearchError';
}

const item = (id: string) => storage.defineItem<SavedSearch>(`sync:${ITEM_PREFIX}${id}`, { version: 1 });

function parse(value: unknown): SavedSearch | null {
  if (!isRecord(value)) return null;
  const saved = value as Partial<SavedSearch>;
  if (
    typeof saved.id !== 'string' ||
    typeof saved.name !== 'string' ||
    !isProviderId(saved.provider) ||
    typeof saved.query !== 'object'
  )
    return null;
  return {
    id: saved.id,
    name: saved.name,
    provider: saved.provider,
    query: normalizeQuery(saved.query ?? {}),
    createdAt: Number(saved.createdAt) || 0,
  };
}

/** Every saved search, oldest first; records that are not ours are skipped, never deleted. */
export async function listSavedSearches(): Promise<SavedSearch[]> {
  const all = await browser.storage.sync.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(ITEM_PREFIX) && !key.endsWith('$'))
    .map(([, value]) => parse(value))
    .filter((saved): saved is SavedSearch => saved !== null)
    .sort((a, b) => a.createdAt - b.createdAt);
}

const sameSearch = (provider: ProviderId, query: SearchQuery) => {
  const key = queryKey(query);
  return (saved: SavedSearch) => saved.provider === provider && queryKey(saved.query) === key;
};

export async function findSavedSearch(
  provider: ProviderId,
  query: SearchQuery,
): Promise<SavedSearch | undefined> {
  return (await listSavedSearches()).find(sameSearch(provider, query));
}

/** "jazz · Berlin · this weekend", or "All events" for an empty query. */
export function describeQuery(query: SearchQuery): string {
  const when = {
    any: '',
    today: 'today',
    weekend: 'this weekend',
    week: 'next 7 days',
    month: 'next 30 days',
  }[query.when];
  const parts = [
    query.text,
    query.place,
    when,
    query.onlineOnly ? 'online' : '',
    query.freeOnly ? 'free' : '',
  ].filter(Boolean);
  return (parts.join(' · ') || 'All events').slice(0, MAX_NAME_LENGTH);
}

const byteSize = (key: string, value: unknown) =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

function explain(error: unknown): SavedSearchError {
  const message = String((error as Error)?.message ?? error);
  if (/MAX_WRITE_OPERATIONS/i.test(message))
    return new SavedSearchError(
      'Too many changes in a minute for synced storage. Wait a minute and try again.',
    );
  if (/QUOTA/i.test(message))
    return new SavedSearchError('Synced storage is full. Remove a saved search and try again.');
  return new SavedSearchError(`Could not save to synced storage: ${message}`);
}

async function write(saved: SavedSearch): Promise<SavedSearch> {
  const key = `${ITEM_PREFIX}${saved.id}`;
  if (byteSize(key, saved) > QUOTA_BYTES_PER_ITEM)
    throw new SavedSearchError('This search is too long to sync. Shorten its words or name.');
  // Counted here rather than with getBytesInUse, which Firefox's storage.sync lacks.
  const stored = await browser.storage.sync.get(null);
  const inUse = Object.entries(stored).reduce(
    (sum, [storedKey, value]) => sum + (storedKey === key ? 0 : byteSize(storedKey, value)),
    0,
  );
  if (inUse + byteSize(key, saved) > QUOTA_BYTES)
    throw new SavedSearchError('Synced storage is full. Remove a saved search and try again.');
  try {
    await item(saved.id).setValue(saved);
  } catch (error) {
    throw explain(error);
  }
  return saved;
}

export async function saveSearch(
  provider: ProviderId,
  input: SearchQuery,
  now = Date.now(),
): Promise<SavedSearch> {
  const query = normalizeQuery(input);
  const all = await listSavedSearches();
  const existing = all.find(sameSearch(provider, query));
  if (existing) return existing;
  if (all.length >= MAX_SAVED_SEARCHES) {
    throw new SavedSearchError(
      `You can save up to ${MAX_SAVED_SEARCHES} searches. Remove one to save another.`,
    );
  }
  return write({ id: crypto.randomUUID(), name: describeQuery(query), provider, query, createdAt: now });
}

export function checkName(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = input.replace(/\s+/g, ' ').trim();
  if (!value) return { ok: false, message: 'A saved search needs a name.' };
  if (value.length > MAX_NAME_LENGTH)
    return { ok: false, message: `Use at most ${MAX_NAME_LENGTH} characters.` };
  return { ok: true, value };
}

export async function renameSavedSearch(id: string, name: string): Promise<SavedSearch> {
  const checked = checkName(name);
  if (!checked.ok) throw new SavedSearchError(checked.message);
  const saved = parse(await item(id).getValue());
  if (!saved) throw new SavedSearchError('This saved search no longer exists.');
  return write({ ...saved, name: checked.value });
}

export async function removeSavedSearch(id: string): Promise<void> {
  try {
    await item(id).removeValue({ removeMeta: true });
  } catch (error) {
    throw explain(error);
  }
}
