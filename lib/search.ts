import { getAccessToken, renewRejectedToken } from './auth/session';
import { openCache, type CacheDb } from './cache/db';
import { searchCachedEvents } from './cache/offline-index';
import { isFresh, readSearch, touchSearch, writeSearchPage, type PageWrite } from './cache/searches';
import type { Event } from './event';
import { hasHostAccess } from './host-access';
import { getProvider } from './providers';
import { ProviderError } from './providers/provider-error';
import type { SignInProvider, SearchPage } from './providers/types';
import { dateRange, normalizeQuery, queryKey, type SearchQuery, type TimeRange } from './query';
import { AuthError } from './auth/errors';
import { OFFLINE, problemOf, type Problem } from './problem';
import { writeForSession } from './session-lock';
import { authState, searchSettings, sessionOwner } from './settings';
import { type ProviderId } from './provider-id';

/**
 * The search service, in the background: cache first, the network when the cache is stale or the
 * user asks ("Refresh"), paging with "More", and the last good results when the network fails.
 */
export interface SearchResult {
  query: SearchQuery;
  events: Event[];
  hasMore: boolean;
  /** When these results came from the provider; null for results filtered from the whole cache. */
  fetchedAt: number | null;
  /** Why these are not fresh results from the provider, if they are not. */
  /** Why these are not fresh results from the provider. */
  problem?: Problem;
  /** Filtered from the whole cache: how many matched, of which `events` are the first. */
  matched?: number;
}

export interface SearchRequest {
  query: SearchQuery;
  /** The user's time zone, for "today" and "this weekend". */
  timeZone: string;
  force?: boolean;
}

/** The signed-in provider, and whose session it is: what a search's writes are for. */
async function signedIn(): Promise<{ provider: SignInProvider; owner: string }> {
  const state = await authState.getValue();
  if (state.status !== 'signed-in') throw new ProviderError('auth', 'not signed in');
  return { provider: await getProvider(state.provider), owner: sessionOwner(state.provider, state.account) };
}

/** Calls the API with the access token; a rejected token is renewed once and the call made once more. */
async function withAccessToken<T>(
  call: (token: string) => Promise<T>,
  early?: Promise<string | undefined>,
): Promise<T> {
  const token = (await early) ?? (await getAccessToken());
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof ProviderError && error.code === 'auth')) throw error;
    return call(await renewRejectedToken(token));
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

/** One page from the provider, with a valid token (renewed once if the API rejects it), if the user lets us reach it. */
export async function fetchSearchPage(
  provider: SignInProvider,
  query: SearchQuery,
  range: TimeRange,
  cursor: string | undefined,
  token?: Promise<string | undefined>,
): Promise<SearchPage> {
  if (!(await hasHostAccess(provider.id))) throw new ProviderError('no-access');
  return withAccessToken((value) => provider.search(query, range, cursor, value), token);
}

function fetchPage(
  provider: SignInProvider,
  query: SearchQuery,
  timeZone: string,
  cursor: string | undefined,
  token?: Promise<string | undefined>,
) {
  return fetchSearchPage(provider, query, dateRange(query.when, new Date(), timeZone), cursor, token);
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
  const key = queryKey(query);
  // Everything a search needs is asked for at once.
  const opening = openCache();
  const [{ provider, owner }, { cacheTtlMinutes }] = await Promise.all([
    signedIn(),
    searchSettings.getValue(),
  ]).catch((error: unknown) => {
    void opening.then((db) => db.close());
    throw error;
  });

  return withCache(async (db, later) => {
    // The token is read while the cache is: a miss goes to the network without waiting for it.
    const token = getAccessToken().catch(() => undefined);
    const cached = await readSearch(db, provider.id, key);
    if (cached && !request.force && isFresh(cached.search, cacheTtlMinutes * 60_000)) {
      later(touchSearch(db, provider.id, key));
      return {
        query,
        events: cached.events,
        hasMore: Boolean(cached.search.cursor),
        fetchedAt: cached.search.fetchedAt,
      };
    }
    let page;
    try {
      page = await fetchPage(provider, query, request.timeZone, undefined, token);
    } catch (error) {
      return fallBack(db, provider.id, query, request.timeZone, error, cached);
    }
    const now = Date.now();
    // The answer goes out first; the write (one transaction) follows at once.
    // Only while the session lasts: a sign-out meanwhile took the account's cache, and it stays gone.
    later(savePage(db, owner, { provider: provider.id, key, query, page, append: false, now }));
    return { query, events: page.events, hasMore: Boolean(page.cursor), fetchedAt: now };
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
    return { query, events: cached.events, hasMore: false, fetchedAt: cached.search.fetchedAt, problem };
  if (problem.code !== 'offline') throw error;
  const { events, total } = await searchCachedEvents(
    db,
    provider,
    query,
    dateRange(query.when, new Date(), timeZone),
  );
  return { query, events, hasMore: false, fetchedAt: null, problem, matched: total };
}

/** The next page of a cached search, added to it. */
export async function loadMore(request: SearchRequest): Promise<SearchResult> {
  const query = normalizeQuery(request.query);
  const key = queryKey(query);
  const { provider, owner } = await signedIn();
  return withCache(async (db) => {
    const cached = await readSearch(db, provider.id, key);
    if (!cached?.search.cursor)
      return {
        query,
        events: cached?.events ?? [],
        hasMore: false,
        fetchedAt: cached?.search.fetchedAt ?? null,
      };
    let page;
    try {
      page = await fetchPage(provider, query, request.timeZone, cached.search.cursor);
    } catch (error) {
      if (endsTheSession(error)) throw error;
      return {
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
      query,
      events: updated?.events ?? [],
      hasMore: Boolean(page.cursor),
      fetchedAt: updated?.search.fetchedAt ?? null,
    };
  });
}
