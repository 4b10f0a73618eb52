import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { withCacheConnection, type CacheDb } from './cache/db';
import { lastSyncTimes, recordSync, removeSyncRecords, syncTaskKey, takeNewIds } from './cache/sync-state';
import { updateBadge } from './badge';
import { safeHttpUrl, type Event } from './event';
import { connect, connectedProviders } from './connections';
import { ProviderError } from './providers/provider-error';
import { answerKey, asks, dateRange, type SearchQuery } from './query';
import { userTimeZone } from './zoned-time';
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
import { isProviderId, type ProviderId } from './provider-id';
import { bookSyncRequest, SYNC_BUDGETS } from './sync-budget';
import { ticketmasterQuota } from './ticketmaster-key';
import { syncSettings, syncStatus, type SyncStatus } from './sync-settings';
import { isFiniteNumber, isRecord } from './shape';
import { declareStoredFamily, defineStoredItem } from './stored-item';
import { newEventsNotification } from './words';

/**
 * Background sync: a cycle refreshes every saved search on every connected provider its sources ask, one
 * saved search after another and its providers side by side, each provider within its own request budget
 * (lib/sync-budget.ts). A provider out of budget or asked to wait is paused, and the others go on.
 * Progress lives in storage, so a cycle stopped with its worker resumes where it was.
 */
export const SYNC_ALARM = 'sync';
export const RESUME_ALARM = 'sync-resume';
/** Pages a cycle reads per saved search: new events far in the future sit on later pages. */
const PAGES_PER_SEARCH = 3;
/** Without a Retry-After, a rate-limited or failing provider is asked again after this long. */
const DEFAULT_RESUME_SECONDS = 60;
/** Past this age, an unfinished cycle is abandoned rather than resumed. */
const STALE_PROGRESS_MS = 60 * 60_000;
/** A provider synced at most hourly is due a little early, so cycles every 30 minutes take it every other time. */
const INTERVAL_SLACK_MS = 5 * 60_000;

/** One saved search on one provider: a cycle's unit of work. */
interface SyncTask {
  savedId: string;
  provider: ProviderId;
}

interface SyncProgress {
  startedAt: number;
  /** Still to refresh, in order. */
  pending: SyncTask[];
  found: number;
}

const isSyncTask = (raw: unknown): raw is SyncTask =>
  isRecord(raw) && typeof raw.savedId === 'string' && isProviderId(raw.provider);

const syncProgress = defineStoredItem<SyncProgress | null>('local:syncProgress', {
  // The accounts' saved searches still to sync
  clearOn: 'session-end',
  fallback: null,
  parse: (raw) =>
    isRecord(raw) &&
    isFiniteNumber(raw.startedAt) &&
    Array.isArray(raw.pending) &&
    raw.pending.every(isSyncTask) &&
    isFiniteNumber(raw.found)
      ? { startedAt: raw.startedAt, pending: raw.pending, found: raw.found }
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

/** One provider stopped for this cycle on purpose (its budget, its rate limit) until `until`, to resume then. */
class ProviderPause extends ProblemError<'over-budget' | 'rate-limit'> {
  readonly until: number;
  constructor(code: 'over-budget' | 'rate-limit', provider: ProviderId, until: number) {
    // Whose budget, for the record: the status pages show says how syncing stopped.
    super(code, {
      params: code === 'rate-limit' ? { seconds: Math.ceil((until - Date.now()) / 1000) } : { provider },
    });
    this.until = until;
  }
}

/** Books every attempt sync sends a provider, retries included; refuses it when the budget is spent. */
export async function bookAttempt(provider: ProviderId): Promise<void> {
  const quota = provider === 'ticketmaster' ? await ticketmasterQuota() : null;
  const until = await bookSyncRequest(provider, quota ?? undefined);
  if (until !== undefined) throw new ProviderPause('over-budget', provider, until);
}

/** How long a provider asked to be left alone, when it asked for longer than the retry policy waits. */
function askedToWait(error: unknown): number | undefined {
  if (!(error instanceof ProviderError)) return undefined;
  if (error.code === 'quota-spent') return error.until ?? Date.now() + DEFAULT_RESUME_SECONDS * 1000;
  if (error.code === 'rate-limit' || (error.code === 'server' && error.retryAfter !== undefined))
    return Date.now() + (error.retryAfter ?? DEFAULT_RESUME_SECONDS) * 1000;
  return undefined;
}

/**
 * Reads one saved search on one provider, page by page, and records it; returns the events new to it
 * there. The first read on a provider is its baseline, so one connected later finds nothing new at first.
 */
async function syncOn(db: CacheDb, saved: SavedSearch, id: ProviderId): Promise<Event[]> {
  // Disconnected meanwhile: nothing of this search is that provider's to write.
  const connection = await connect(id).catch(() => undefined);
  if (!connection) return [];
  const range = dateRange(saved.query.when, new Date(), userTimeZone());
  const hooks = { beforeAttempt: () => bookAttempt(id) };
  const events = new Map<string, Event>();
  let cursor: string | undefined;
  for (let page = 0; page < PAGES_PER_SEARCH && (page === 0 || cursor); page++) {
    try {
      const result = await fetchSearchPage(connection, saved.query, range, cursor, undefined, hooks);
      for (const event of result.events) if (!events.has(event.id)) events.set(event.id, event);
      cursor = result.cursor;
    } catch (error) {
      // Short waits were waited out by the retry policy; what is left is longer than a worker lives.
      const until = askedToWait(error);
      if (until === undefined) throw error;
      throw new ProviderPause('rate-limit', id, until);
    }
  }
  // Network first, then one transaction: a cycle stopped in between leaves the last record whole. Only
  // while the connection lasts: one that ended meanwhile took its records, and they stay gone.
  const found = await writeForSession(connection.owner, () =>
    recordSync(db, saved.id, {
      provider: id,
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

/** Every saved search on every connected provider it asks, but not before each provider's interval is over. */
async function dueTasks(db: CacheDb, saved: SavedSearch[], connected: ProviderId[]): Promise<SyncTask[]> {
  const lastSynced = await lastSyncTimes(db);
  const now = Date.now();
  return saved.flatMap((search) =>
    connected
      .filter((provider) => asks(search.query, provider))
      .map((provider) => ({ savedId: search.id, provider }))
      .filter((task) => {
        const last = lastSynced.get(syncTaskKey(task));
        const interval = SYNC_BUDGETS[task.provider].minIntervalMs;
        return last === undefined || !interval || now - last >= interval - INTERVAL_SLACK_MS;
      }),
  );
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
  const connected = await connectedProviders();
  if (!connected.length) return stopped('not-signed-in');
  if (globalThis.navigator?.onLine === false) return stopped('offline');
  const saved = (await listSavedSearches()).filter((search) =>
    connected.some((provider) => asks(search.query, provider)),
  );
  if (!saved.length) return stopped('nothing-saved');
  const byId = new Map(saved.map((search) => [search.id, search]));

  return withCacheConnection(async (db) => {
    const previous = await syncProgress.getValue();
    const progress: SyncProgress =
      previous && Date.now() - previous.startedAt < STALE_PROGRESS_MS
        ? previous
        : { startedAt: Date.now(), pending: await dueTasks(db, saved, connected), found: 0 };
    // Only what is still saved, on providers still connected.
    progress.pending = progress.pending.filter(
      (task) => byId.has(task.savedId) && connected.includes(task.provider),
    );
    await syncProgress.setValue(progress);
    const paused = new Map<ProviderId, ProviderPause>();
    let problem: Problem | undefined;
    try {
      for (;;) {
        const next = progress.pending.find((task) => !paused.has(task.provider));
        if (!next) break;
        const search = byId.get(next.savedId)!;
        const group = progress.pending.filter(
          (task) => task.savedId === next.savedId && !paused.has(task.provider),
        );
        const outcomes = await Promise.allSettled(group.map((task) => syncOn(db, search, task.provider)));
        const found: Event[] = [];
        const done = new Set<SyncTask>();
        let sessionEnded = false;
        outcomes.forEach((outcome, index) => {
          const task = group[index]!;
          if (outcome.status === 'fulfilled') {
            found.push(...outcome.value);
            done.add(task);
          } else if (outcome.reason instanceof ProviderPause) {
            paused.set(task.provider, outcome.reason);
          } else {
            // This provider's failure is this cycle's word for it; the next cycle asks it again.
            done.add(task);
            sessionEnded ||= outcome.reason instanceof AuthError && outcome.reason.code === 'session-expired';
            problem ??= problemFrom(outcome.reason);
          }
        });
        // A session ended under the cycle and took the sync state with it: nothing more is written now,
        // and the next cycle starts afresh for the providers still connected.
        if (sessionEnded) return { at: Date.now(), outcome: { code: 'session-expired' }, found: 0 };
        progress.pending = progress.pending.filter((task) => !done.has(task));
        progress.found += found.length;
        await syncProgress.setValue(progress);
        await notify(search, found);
      }
      const pause = [...paused.values()].sort((a, b) => a.until - b.until)[0];
      if (pause) {
        // Each paused provider's share waits in the progress for the earliest of them to open again.
        await browser.alarms.create(RESUME_ALARM, { when: pause.until });
        return await finish(problem ?? pause.toProblem(), progress.found);
      }
      await syncProgress.removeValue();
      return await finish(problem ?? { code: 'synced' }, progress.found);
    } catch (error) {
      return finish(problemOf(error), progress.found);
    } finally {
      await updateBadge(db).catch(() => undefined);
    }
  });
}

/** Could not reach the service: as good as offline, and the next sync tries again. */
const problemFrom = (error: unknown): Problem =>
  error instanceof ProviderError && error.code === 'network' ? { code: 'offline' } : problemOf(error);

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

/**
 * Saves the search, or removes it when it is saved already. A new saved search's current results on each
 * provider it asks are its baselines, read as a sync reads them; one that cannot be read now is taken by
 * the first sync.
 */
export async function toggleSavedSearch(query: SearchQuery): Promise<SavedSearch | null> {
  const asked = (await connectedProviders()).filter((provider) => asks(query, provider));
  if (!asked.length) throw new ProblemError('not-signed-in');
  const existing = await findSavedSearch(query);
  if (existing) {
    await forgetSavedSearch(existing.id);
    return null;
  }
  const saved = await saveSearch(query);
  const baselines = await withCacheConnection((db) =>
    Promise.allSettled(asked.map((provider) => syncOn(db, saved, provider))),
  );
  for (const baseline of baselines)
    if (baseline.status === 'rejected')
      console.warn('Event Scout: no baseline yet for the saved search:', (baseline.reason as Error)?.message);
  return saved;
}

export async function forgetSavedSearch(id: string): Promise<void> {
  await removeSavedSearch(id);
  await withCacheConnection(async (db) => {
    await removeSyncRecords(db, id);
    await updateBadge(db);
  });
}
