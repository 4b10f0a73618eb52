import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { normalizeQuery, queryKey, type SearchQuery } from './query';
import { ProblemError, type ProblemCode } from './problem';
import type { Checked } from './settings-validation';
import { isRecord } from './shape';
import { declareStoredFamily } from './stored-item';
import { checkSyncRoom, explainSyncError, SYNC_QUOTA, syncItemBytes } from './sync-storage';

/**
 * Saved searches live in storage.sync, one versioned item each, so they follow the user to every
 * browser, within storage.sync's limits (lib/sync-storage.ts). A saved
 * search is the user's words, not a provider's: it runs on every connected provider its sources ask.
 */
export interface SavedSearch {
  id: string;
  /** The user's own name for it; without one, pages describe the query in the reader's language. */
  name?: string;
  query: SearchQuery;
  createdAt: number;
}

export const MAX_SAVED_SEARCHES = 50;
export const MAX_NAME_LENGTH = 80;
const ITEM_PREFIX = 'saved:';

export type SavedSearchErrorCode = Extract<
  ProblemCode,
  'saved-too-long' | 'saved-too-many' | 'saved-not-found' | 'name-empty' | 'name-too-long'
>;

export class SavedSearchError extends ProblemError<SavedSearchErrorCode> {
  override name = 'SavedSearchError';
}

/** What v1 stored as the name of a search the user never named: its query, described in English. */
function v1Description(query: SearchQuery): string {
  const when = {
    any: '',
    today: 'today',
    weekend: 'this weekend',
    week: 'next 7 days',
    month: 'next 30 days',
  };
  const parts = [
    query.text,
    query.place,
    when[query.when],
    query.onlineOnly ? 'online' : '',
    query.freeOnly ? 'free' : '',
  ];
  return (parts.filter(Boolean).join(' · ') || 'All events').slice(0, MAX_NAME_LENGTH);
}

/** v2 stores no name for a search the user never named, so each reader sees it in their own language. */
function dropDescribedName(old: unknown): unknown {
  if (!isRecord(old) || !isRecord(old.query) || typeof old.name !== 'string') return old;
  if (old.name !== v1Description(normalizeQuery(old.query))) return old;
  const { name: _name, ...unnamed } = old;
  return unnamed;
}

/**
 * v3 saves a search for every provider its sources ask, not for the one signed in when it was saved; a
 * provider connected since takes its own baseline on its first sync (lib/sync.ts).
 */
function dropProvider(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { provider: _provider, ...everyProvider } = old;
  return everyProvider;
}

const VERSION = 3;
/** Each version's step from the one before it, for WXT and for the in-memory reading of a listing alike. */
const MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: dropDescribedName, 3: dropProvider };
// The user's own: they stay through every sign-out and follow the user to every browser.
declareStoredFamily(`sync:${ITEM_PREFIX}`, 'never');

const item = (id: string) =>
  storage.defineItem<SavedSearch>(`sync:${ITEM_PREFIX}${id}`, {
    version: VERSION,
    migrations: MIGRATIONS as Record<number, (old: SavedSearch) => SavedSearch>,
  });

/**
 * A record as this version reads it. Listing reads storage.sync whole rather than item by item, so it
 * applies the same migration in memory, by the version WXT keeps beside each item (`<key>$`); the
 * record itself is rewritten by the next write, as WXT's own migration would.
 */
function upToDate(value: unknown, meta: unknown): unknown {
  const version = isRecord(meta) && typeof meta.v === 'number' ? meta.v : 1;
  // Integer keys list in ascending order: each step applies to what the one before it made.
  return Object.entries(MIGRATIONS).reduce(
    (record, [step, migrate]) => (Number(step) > version ? migrate(record) : record),
    value,
  );
}

function parse(value: unknown): SavedSearch | null {
  if (!isRecord(value)) return null;
  const saved = value as Partial<SavedSearch>;
  if (
    typeof saved.id !== 'string' ||
    (saved.name !== undefined && typeof saved.name !== 'string') ||
    typeof saved.query !== 'object'
  )
    return null;
  return {
    id: saved.id,
    // A blank name is no name: the query describes the search instead.
    ...(saved.name?.trim() ? { name: saved.name } : {}),
    query: normalizeQuery(saved.query ?? {}),
    createdAt: Number(saved.createdAt) || 0,
  };
}

/** Every saved search, oldest first; records that are not ours are skipped, never deleted. */
export async function listSavedSearches(): Promise<SavedSearch[]> {
  const all = await browser.storage.sync.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(ITEM_PREFIX) && !key.endsWith('$'))
    .map(([key, value]) => parse(upToDate(value, all[`${key}$`])))
    .filter((saved): saved is SavedSearch => saved !== null)
    .sort((a, b) => a.createdAt - b.createdAt);
}

const sameSearch = (query: SearchQuery) => {
  const key = queryKey(query);
  return (saved: SavedSearch) => queryKey(saved.query) === key;
};

export async function findSavedSearch(query: SearchQuery): Promise<SavedSearch | undefined> {
  return (await listSavedSearches()).find(sameSearch(query));
}

async function write(saved: SavedSearch): Promise<SavedSearch> {
  const key = `${ITEM_PREFIX}${saved.id}`;
  if (syncItemBytes(key, saved) > SYNC_QUOTA.bytesPerItem) throw new SavedSearchError('saved-too-long');
  await checkSyncRoom({ [key]: saved });
  try {
    await item(saved.id).setValue(saved);
  } catch (error) {
    throw explainSyncError(error);
  }
  return saved;
}

export async function saveSearch(input: SearchQuery, now = Date.now()): Promise<SavedSearch> {
  const query = normalizeQuery(input);
  const all = await listSavedSearches();
  const existing = all.find(sameSearch(query));
  if (existing) return existing;
  if (all.length >= MAX_SAVED_SEARCHES) {
    throw new SavedSearchError('saved-too-many', { params: { max: MAX_SAVED_SEARCHES } });
  }
  return write({ id: crypto.randomUUID(), query, createdAt: now });
}

export function checkName(input: string): Checked<string> {
  const value = input.replace(/\s+/g, ' ').trim();
  if (!value) return { ok: false, problem: { code: 'name-empty' } };
  if (value.length > MAX_NAME_LENGTH)
    return { ok: false, problem: { code: 'name-too-long', params: { max: MAX_NAME_LENGTH } } };
  return { ok: true, value };
}

export async function renameSavedSearch(id: string, name: string): Promise<SavedSearch> {
  const checked = checkName(name);
  if (!checked.ok) throw new SavedSearchError(checked.problem.code as SavedSearchErrorCode, checked.problem);
  const saved = parse(await item(id).getValue());
  if (!saved) throw new SavedSearchError('saved-not-found');
  return write({ ...saved, name: checked.value });
}

export async function removeSavedSearch(id: string): Promise<void> {
  try {
    await item(id).removeValue({ removeMeta: true });
  } catch (error) {
    throw explainSyncError(error);
  }
}
