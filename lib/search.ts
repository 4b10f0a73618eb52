import { openCache, type CacheDb } from './cache/db';
import { searchCachedEvents } from './cache/offline-index';
import { isFresh, readSearch, touchSearch, writeSearchPage, type PageWrite } from './cache/searches';
import type { Event } from './event';
import { hasHostAccess } from './host-access';
import { connect, type Connection } from './connections';
import { ProviderError } from './providers/provider-error';
import type { RequestHooks, SearchPage } from './providers/types';
import { answerKey, dateRange, normalizeQuery, type SearchQuery, type TimeRange } from './query';
import { AuthError } from './auth/errors';
import { OFFLINE, problemOf, type Problem } from './problem';
import { writeForSession } from './session-lock';
import { searchSettings } from './settings';
import { type ProviderId } from './provider-id';

/**
 * The search service, in the background, one provider per request (the popup asks every connected
 * provider at once and merges what comes back, lib/merge.ts): cache first, the network when the cache
 * is stale or the user asks ("Refresh"), paging with "More", and the last good results when the
 * network fails.
 */
export interface SearchResult {
  /** Whose results these are. */
  provider: ProviderId;
  query: SearchQuery;
  events: Event[];
  hasMore: boolean;
  /** When these results came from the provider; null for results filtered from the whole cache. */
  fetchedAt: number | null;
  /** Why these are not fresh results from the provider, if they are not. */
  problem?: Problem;
  /** Filtered from the whole cache: how many matched, of which `events` are the first. */
  matched?: number;
}

export interface SearchRequest {
  provider: ProviderId;
  query: SearchQuery;
  /** The user's time zone, for "today" and "this weekend". */
  timeZone: string;
  force?: boolean;
}

/** Calls the API with the credential; one the API rejects is renewed once, where it can be, and the call made once more. */
export async function withCredential<T>(
  connection: Connection,
  call: (credential: string) => Promise<T>,
  early?: Promise<string | undefined>,
): Promise<T> {
  const credential = (await early) ?? (await connection.credential());
  try {
    return await call(credential);
  } catch (error) {
    if (!(error instanceof ProviderError && error.code === 'auth' && connection.renew)) throw error;
    return call(await connection.renew(credential));
  }
}

/**
 * A token refused for good, or a session that ended: nothing cached may stand in for fresh results then,
 * since the account's cache went with the session.
 */
const endsTheSession = (error: unknown) =>
  (error instanceof ProviderError && error.code === 'auth') ||
  (error instanceof AuthError && error.code === 'session-expired');

function problemFrom(error: unknown): Problem {
  const offline =
    globalThis.navigator?.onLine === false || (error instanceof ProviderError && error.code === 'network');
  return offline ? OFFLINE : problemOf(error);
}

/** One page from the provider, with a valid credential (a token renewed once if the API rejects it), if the user lets us reach it. */
export async function fetchSearchPage(
  connection: Connection,
  query: SearchQuery,
  range: TimeRange,
  cursor: string | undefined,
  credential?: Promise<string | undefined>,
  hooks?: RequestHooks,
): Promise<SearchPage> {
  const { provider } = connection;
  if (!(await hasHostAccess(provider.id))) throw new ProviderError('no-access');
  return withCredential(
    connection,
    (value) => provider.search(query, range, cursor, value, hooks),
    credential,
  );
}

function fetchPage(
  connection: Connection,
  query: SearchQuery,
  timeZone: string,
  cursor: string | undefined,
  credential?: Promise<string | undefined>,
) {
  return fetchSearchPage(connection, query, dateRange(query.when, new Date(), timeZone), cursor, credential);
}

/**
 * Runs `use` with a cache connection; work it hands to `later` (a write) may outlive the answer, and
 * the connection closes when that is done too.
 */
async function withCache<T>(
  use: (db: CacheDb, later: (work: Promise<unknown>) => void) => Promise<T>,
  opening = openCache(),
): Promise<T> {
  const db = await opening;
  const pending: Promise<unknown>[] = [];
  try {
    return await use(db, (work) =>
      pending.push(work.catch((error) => console.error('Event Scout: cache write failed', error))),
    );
  } finally {
    void Promise.all(pending).finally(() => db.close());
  }
}

/** Writes a page of results for the session of `owner`, only while it lasts (lib/session-lock.ts). */
function savePage(
  db: CacheDb,
  owner: string,
  { page, ...write }: Omit<PageWrite, 'events' | 'cursor'> & { page: SearchPage },
) {
  return writeForSession(owner, () =>
    writeSearchPage(db, { ...write, events: page.events, cursor: page.cursor }),
  );
}

/** What the popup paints: the cached results when fresh, else the network's; the cache when that fails. */
export async function runSearch(request: SearchRequest): Promise<SearchResult> {
  const query = normalizeQuery(request.query);
  const key = answerKey(query);
  // Everything a search needs is asked for at once.
  const opening = openCache();
  const [connection, { cacheTtlMinutes }] = await Promise.all([
    connect(request.provider),
    searchSettings.getValue(),
  ]).catch((error: unknown) => {
    void opening.then((db) => db.close());
    throw error;
  });

  return withCache(async (db, later) => {
    const { provider, owner } = connection;
    // The credential is read while the cache is: a miss goes to the network without waiting for it.
    const credential = connection.credential().catch(() => undefined);
    const cached = await readSearch(db, provider.id, key);
    if (cached && !request.force && isFresh(cached.search, cacheTtlMinutes * 60_000)) {
      later(touchSearch(db, provider.id, key));
      return {
        provider: provider.id,
        query,
        events: cached.events,
        hasMore: Boolean(cached.search.cursor),
        fetchedAt: cached.search.fetchedAt,
      };
    }
    let page;
    try {
      page = await fetchPage(connection, query, request.timeZone, undefined, credential);
    } catch (error) {
      return fallBack(db, provider.id, query, request.timeZone, error, cached);
    }
    const now = Date.now();
    // The answer goes out first; the write (one transaction) follows at once.
    // Only while the session lasts: a sign-out meanwhile took the account's cache, and it stays gone.
    later(savePage(db, owner, { provider: provider.id, key, query, page, append: false, now }));
    return {
      provider: provider.id,
      query,
      events: page.events,
      hasMore: Boolean(page.cursor),
      fetchedAt: now,
    };
  }, opening);
}

/** Nothing fresh to show: this search's last good results, or, offline, matches from the whole cache. */
async function fallBack(
  db: CacheDb,
  provider: ProviderId,
  query: SearchQuery,
  timeZone: string,
  error: unknown,
  cached: Awaited<ReturnType<typeof readSearch>>,
): Promise<SearchResult> {
  if (endsTheSession(error)) throw error;
  const problem = problemFrom(error);
  if (cached)
    return {
      provider,
      query,
      events: cached.events,
      hasMore: false,
      fetchedAt: cached.search.fetchedAt,
      problem,
    };
  if (problem.code !== 'offline') throw error;
  const { events, total } = await searchCachedEvents(
    db,
    provider,
    query,
    dateRange(query.when, new Date(), timeZone),
  );
  return { provider, query, events, hasMore: false, fetchedAt: null, problem, matched: total };
}

/** The next page of a cached search, added to it. */
export async function loadMore(request: SearchRequest): Promise<SearchResult> {
  const query = normalizeQuery(request.query);
  const key = answerKey(query);
  const connection = await connect(request.provider);
  const { provider, owner } = connection;
  return withCache(async (db) => {
    const cached = await readSearch(db, provider.id, key);
    if (!cached?.search.cursor)
      return {
        provider: provider.id,
        query,
        events: cached?.events ?? [],
        hasMore: false,
        fetchedAt: cached?.search.fetchedAt ?? null,
      };
    let page;
    try {
      page = await fetchPage(connection, query, request.timeZone, cached.search.cursor);
    } catch (error) {
      if (endsTheSession(error)) throw error;
      return {
        provider: provider.id,
        query,
        events: cached.events,
        hasMore: true,
        fetchedAt: cached.search.fetchedAt,
        problem: problemFrom(error),
      };
    }
    await savePage(db, owner, { provider: provider.id, key, query, page, append: true, now: Date.now() });
    const updated = await readSearch(db, provider.id, key);
    return {
      provider: provider.id,
      query,
      events: updated?.events ?? [],
      hasMore: Boolean(page.cursor),
      fetchedAt: updated?.search.fetchedAt ?? null,
    };
  });
}
