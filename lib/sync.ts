import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { withCacheConnection, type CacheDb } from './cache/db';
import { recordSync, removeSyncRecord, takeNewIds } from './cache/sync-state';
import { updateBadge } from './badge';
import { safeHttpUrl, type Event } from './event';
import { connect } from './connections';
import { ProviderError } from './providers/provider-error';
import { answerKey, asks, dateRange, type SearchQuery } from './query';
import {
  findSavedSearch,
  listSavedSearches,
  removeSavedSearch,
  saveSearch,
  type SavedSearch,
} from './saved-searches';
import { fetchSearchPage } from './search';
import { AuthError } from './auth/errors';
import { problemOf, ProblemError, type Problem } from './problem';
import { writeForSession } from './session-lock';
import { readAuthStates, signedInStates } from './settings';
import type { SignInProviderId } from './provider-id';
import { syncSettings, syncStatus, type SyncStatus } from './sync-settings';
import { isFiniteNumber, isRecord, isStringArray } from './shape';
import { declareStoredFamily, defineStoredItem } from './stored-item';
import { newEventsNotification } from './words';

/**
 * Background sync: a cycle refreshes the saved searches of every signed-in provider, one after another,
 * each within its page budget, the whole within an hourly request budget well inside the provider's
 * rate limit. Progress lives in storage, so a cycle stopped with its worker resumes where it was.
 */
export const SYNC_ALARM = 'sync';
export const RESUME_ALARM = 'sync-resume';
/** Pages a cycle reads per saved search: new events far in the future sit on later pages. */
const PAGES_PER_SEARCH = 3;
/** A quarter of Eventbrite's 2,000 calls an hour, shared by every saved search. */
export const HOURLY_REQUEST_BUDGET = 500;
/** Without a Retry-After, a rate-limited or failing provider is asked again after this long. */
const DEFAULT_RESUME_SECONDS = 60;
/** Past this age, an unfinished cycle is abandoned rather than resumed. */
const STALE_PROGRESS_MS = 60 * 60_000;

interface SyncProgress {
  startedAt: number;
  /** Saved search ids still to refresh, in order. */
  pending: string[];
  found: number;
}

const syncProgress = defineStoredItem<SyncProgress | null>('local:syncProgress', {
  // The account's saved searches still to sync
  clearOn: 'session-end',
  fallback: null,
  parse: (raw) =>
    isRecord(raw) && isFiniteNumber(raw.startedAt) && isStringArray(raw.pending) && isFiniteNumber(raw.found)
      ? { startedAt: raw.startedAt, pending: raw.pending, found: raw.found }
      : undefined,
});
const requestWindow = defineStoredItem<{ start: number; count: number }>('local:syncRequests', {
  // This browser's request budget: clearing it would let signing out and in again exceed the provider's limit
  clearOn: 'never',
  fallback: { start: 0, count: 0 },
  parse: (raw) =>
    isRecord(raw) && isFiniteNumber(raw.start) && isFiniteNumber(raw.count)
      ? { start: raw.start, count: raw.count }
      : undefined,
});

let activeCycle: Promise<SyncStatus> | undefined;

/** The interval alarm, created only when missing or changed: creating it again would reset its schedule. */
export async function ensureSyncAlarm(): Promise<void> {
  const { intervalMinutes } = await syncSettings.getValue();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, {
    periodInMinutes: intervalMinutes,
    delayInMinutes: intervalMinutes,
  });
}

async function reserveRequests(count: number, now: number): Promise<boolean> {
  const window = await requestWindow.getValue();
  const current = now - window.start < 3_600_000 ? window : { start: now, count: 0 };
  if (current.count + count > HOURLY_REQUEST_BUDGET) return false;
  await requestWindow.setValue({ start: current.start, count: current.count + count });
  return true;
}

/** A cycle that stops early on purpose (rate limit, budget), to resume later. */
class CycleStop extends ProblemError<'over-budget' | 'rate-limit'> {}

/** Reads one saved search, page by page within its budget, and records it; returns the events new to it. */
async function syncSavedSearch(db: CacheDb, saved: SavedSearch): Promise<Event[]> {
  // Signed out of its provider meanwhile: nothing of this search is the session's to write.
  const connection = await connect(saved.provider).catch(() => undefined);
  if (!connection) return [];
  const { provider, owner } = connection;
  const range = dateRange(saved.query.when, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const events = new Map<string, Event>();
  let cursor: string | undefined;
  for (let page = 0; page < PAGES_PER_SEARCH && (page === 0 || cursor); page++) {
    if (!(await reserveRequests(provider.requestsPerPage, Date.now()))) {
      const window = await requestWindow.getValue();
      await browser.alarms.create(RESUME_ALARM, { when: window.start + 3_600_000 });
      throw new CycleStop('over-budget');
    }
    try {
      const result = await fetchSearchPage(connection, saved.query, range, cursor);
      for (const event of result.events) if (!events.has(event.id)) events.set(event.id, event);
      cursor = result.cursor;
    } catch (error) {
      // Short waits were waited out by the retry policy; what is left is longer than a worker lives.
      const askedToWait =
        error instanceof ProviderError &&
        (error.code === 'rate-limit' || (error.code === 'server' && error.retryAfter !== undefined));
      if (!askedToWait) throw error;
      const wait = error.retryAfter ?? DEFAULT_RESUME_SECONDS;
      await browser.alarms.create(RESUME_ALARM, { when: Date.now() + wait * 1000 });
      throw new CycleStop('rate-limit', { params: { seconds: Math.ceil(wait) } });
    }
  }
  // Network first, then one transaction: a cycle stopped in between leaves the last record whole. Only
  // while the session lasts: one that ended meanwhile took the account's records, and they stay gone.
  const found = await writeForSession(owner, () =>
    recordSync(db, saved.id, {
      provider: saved.provider,
      key: answerKey(saved.query),
      query: saved.query,
      events: [...events.values()],
      cursor,
      append: false,
      now: Date.now(),
    }),
  );
  return found ?? [];
}

/** What each notification opens when clicked: an event's page, which is the account's. */
const NOTIFICATION_PREFIX = 'session:notification:';
declareStoredFamily(NOTIFICATION_PREFIX, 'session-end');

async function notify(saved: SavedSearch, events: Event[]): Promise<void> {
  const { notifications } = await syncSettings.getValue();
  if (
    !notifications ||
    !events.length ||
    !(await browser.permissions.contains({ permissions: ['notifications'] }))
  )
    return;
  const id = `new:${saved.id}:${Date.now()}`;
  // One new event opens that event; several open the search.
  const target =
    events.length === 1 && events[0]!.url
      ? events[0]!.url
      : browser.runtime.getURL(`/popup.html?saved=${encodeURIComponent(saved.id)}`);
  await storage.setItem(`${NOTIFICATION_PREFIX}${id}`, target);
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ...newEventsNotification(
      saved,
      events.map((event) => event.title),
      3,
    ),
  });
}

/** Clicking a notification opens what it named. */
export async function openNotification(id: string): Promise<void> {
  const target: unknown = await storage.getItem(`${NOTIFICATION_PREFIX}${id}`);
  // Only what notify() stores: an event's http(s) page or the popup on a saved search.
  const url =
    safeHttpUrl(target) ??
    (typeof target === 'string' && target.startsWith(browser.runtime.getURL('/popup.html')) ? target : null);
  if (url) await browser.tabs.create({ url });
  await storage.removeItem(`${NOTIFICATION_PREFIX}${id}`);
  await browser.notifications.clear(id);
}

async function runCycle(): Promise<SyncStatus> {
  const finish = async (outcome: SyncStatus['outcome'], found = 0) => {
    const status = { at: Date.now(), outcome, found };
    await syncStatus.setValue(status);
    return status;
  };
  const stopped = (code: Problem['code'], found?: number) => finish({ code }, found);
  const signedIn = signedInStates(await readAuthStates()).map((state) => state.provider);
  if (!signedIn.length) return stopped('not-signed-in');
  if (globalThis.navigator?.onLine === false) return stopped('offline');

  // Each saved search syncs on its provider while that is signed in, if its sources ask it.
  const saved = (await listSavedSearches()).filter(
    (search) => signedIn.includes(search.provider) && asks(search.query, search.provider),
  );
  if (!saved.length) return stopped('nothing-saved');
  const byId = new Map(saved.map((search) => [search.id, search]));

  const previous = await syncProgress.getValue();
  const resumable = previous && Date.now() - previous.startedAt < STALE_PROGRESS_MS;
  const progress: SyncProgress = resumable
    ? previous
    : { startedAt: Date.now(), pending: saved.map((search) => search.id), found: 0 };
  await syncProgress.setValue(progress);

  return withCacheConnection(async (db) => {
    try {
      while (progress.pending.length) {
        const search = byId.get(progress.pending[0]!);
        if (search) {
          const found = await syncSavedSearch(db, search);
          progress.found += found.length;
          await notify(search, found);
        }
        progress.pending.shift();
        await syncProgress.setValue(progress);
      }
      await syncProgress.removeValue();
      return await finish({ code: 'synced' }, progress.found);
    } catch (error) {
      // Could not reach the service: as good as offline, and the next sync tries again.
      if (error instanceof ProviderError && error.code === 'network')
        return stopped('offline', progress.found);
      // The session ended under the cycle and took the account's records with it: none is written again.
      if (error instanceof AuthError && error.code === 'session-expired')
        return { at: Date.now(), outcome: error.toProblem(), found: 0 };
      return finish(problemOf(error), progress.found);
    } finally {
      await updateBadge(db).catch(() => undefined);
    }
  });
}

/** One cycle at a time; "Sync now" while one runs waits for it. */
export function runSyncCycle(): Promise<SyncStatus> {
  activeCycle ??= runCycle().finally(() => {
    activeCycle = undefined;
  });
  return activeCycle;
}

export interface NewMatch {
  savedId: string;
  /** The saved search's own name, if it has one (lib/words.ts savedSearchName). */
  name?: string;
  query: SearchQuery;
  newIds: string[];
}

/** What the popup marks as new: each saved search's unseen events, handed over once, and the badge cleared. */
export async function takeNewMatches(): Promise<NewMatch[]> {
  const taken = await withCacheConnection(async (db) => {
    const newIds = await takeNewIds(db);
    await updateBadge(db);
    return newIds;
  });
  const saved = await listSavedSearches();
  return saved
    .filter((search) => taken.has(search.id))
    .map((search) => ({
      savedId: search.id,
      name: search.name,
      query: search.query,
      newIds: taken.get(search.id)!,
    }));
}

/** The provider a search is saved for: the first one signed in that it asks. */
export async function savingProvider(query: SearchQuery): Promise<SignInProviderId | undefined> {
  return signedInStates(await readAuthStates())
    .map((state) => state.provider)
    .find((provider) => asks(query, provider));
}

/**
 * Saves the search, or removes it when it is saved already. A new saved search's current results are
 * its baseline, read as a sync reads them; if they cannot be read now, the first sync is the baseline.
 */
export async function toggleSavedSearch(query: SearchQuery): Promise<SavedSearch | null> {
  const provider = await savingProvider(query);
  if (!provider) throw new ProblemError('not-signed-in');
  const existing = await findSavedSearch(provider, query);
  if (existing) {
    await forgetSavedSearch(existing.id);
    return null;
  }
  const saved = await saveSearch(provider, query);
  await withCacheConnection((db) => syncSavedSearch(db, saved)).catch((error) =>
    console.warn('Event Scout: no baseline yet for the saved search:', (error as Error)?.message),
  );
  return saved;
}

export async function forgetSavedSearch(id: string): Promise<void> {
  await removeSavedSearch(id);
  await withCacheConnection(async (db) => {
    await removeSyncRecord(db, id);
    await updateBadge(db);
  });
}
