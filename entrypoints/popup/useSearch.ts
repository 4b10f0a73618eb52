import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openCache, type CacheDb } from '@/lib/cache/db';
import { indexCachedEvents } from '@/lib/cache/offline-index';
import { OFFLINE_MATCH_LIMIT, readSearch } from '@/lib/cache/searches';
import type { EventIndex } from '@/lib/event-index';
import { sendMessage } from '@/lib/messages';
import { listSavedSearches } from '@/lib/saved-searches';
import { dateRange, EMPTY_QUERY, normalizeQuery, queryKey, type SearchQuery } from '@/lib/query';
import type { SearchResult } from '@/lib/search';
import { OFFLINE, problemOf, type Problem } from '@/lib/problem';
import { lastQuery } from '@/lib/settings';
import { type ProviderId } from '@/lib/provider-id';

export type Phase = 'idle' | 'searching' | 'more';

export interface SearchView {
  query: SearchQuery;
  result?: SearchResult;
  phase: Phase;
  /** A failure with nothing to show instead. */
  error?: Problem;
  /** Something real to show: results (cached or not), an answer, or nothing to search for. */
  ready: boolean;
}

export const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// One connection for the popup's short life, opened as soon as its script runs.
let connection: Promise<CacheDb> | undefined = openCache();

/** Reads through the popup's connection; one that another context closed (an upgrade) is reopened once. */
async function withPopupCache<T>(read: (db: CacheDb) => Promise<T>): Promise<T> {
  try {
    return await read(await (connection ??= openCache()));
  } catch (error) {
    connection = undefined;
    if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
    return read(await (connection = openCache()));
  }
}

/** Paints from the cache directly, before the background (possibly asleep) answers. */
function readCached(provider: ProviderId, query: SearchQuery): Promise<SearchResult | undefined> {
  return withPopupCache(async (db) => {
    const cached = await readSearch(db, provider, queryKey(query));
    return (
      cached && {
        query,
        events: cached.events,
        hasMore: Boolean(cached.search.cursor),
        fetchedAt: cached.search.fetchedAt,
      }
    );
  });
}

let offlineIndex: Promise<EventIndex> | undefined;
let builtIndex: EventIndex | undefined;

/** Every cached event of the provider, indexed once, the first time the popup filters offline. */
function indexFor(provider: ProviderId): Promise<EventIndex> {
  offlineIndex ??= withPopupCache(async (db) => {
    builtIndex = await indexCachedEvents(db, provider);
    return builtIndex;
  });
  return offlineIndex;
}

function filterWith(index: EventIndex, query: SearchQuery): SearchResult {
  performance.mark('filter-start');
  const { events, total } = index.search(
    query,
    dateRange(query.when, new Date(), userZone),
    OFFLINE_MATCH_LIMIT,
  );
  // User Timing, for the filtering benchmark (bench/) to tell filtering from painting.
  performance.measure('filter', 'filter-start');
  return { query, events, hasMore: false, fetchedAt: null, problem: OFFLINE, matched: total };
}

/** A notification opens the popup on its saved search (`?saved=<id>`); otherwise the last query. */
async function findOpeningQuery(): Promise<SearchQuery> {
  const savedId = new URLSearchParams(location.search).get('saved');
  const saved = savedId ? (await listSavedSearches()).find((search) => search.id === savedId) : undefined;
  return saved?.query ?? lastQuery.getValue();
}

// Asked for as soon as the script runs, not when the first render gets round to it.
const openingQuery = findOpeningQuery();

/**
 * The popup's search: reopens on the last query with its cached results, revalidates through the
 * background, and while offline filters the cached events as the user types.
 */
export function useSearch(provider: ProviderId) {
  const [view, setView] = useState<SearchView>({ query: EMPTY_QUERY, phase: 'idle', ready: false });
  const latest = useRef(0);
  const offline = view.result?.problem?.code === 'offline';

  const run = useCallback(
    async (input: SearchQuery, options: { force?: boolean; more?: boolean } = {}) => {
      const query = normalizeQuery(input);
      const ticket = ++latest.current;
      const current = () => ticket === latest.current;
      setView((previous) => ({
        ...previous,
        query: input,
        phase: options.more ? 'more' : 'searching',
        error: undefined,
      }));
      if (!options.more) void lastQuery.setValue(query);

      // The background is asked at once; the cache, read meanwhile, paints first if it can.
      const answer = sendMessage(options.more ? 'search/more' : 'search/run', {
        provider,
        query,
        timeZone: userZone,
        force: options.force,
      });
      let answered = false;
      if (!options.more && !options.force) {
        void readCached(provider, query)
          .then(
            (cached) =>
              cached &&
              current() &&
              !answered &&
              setView((previous) => ({ ...previous, result: cached, ready: true })),
          )
          .catch(() => undefined);
      }
      try {
        const result = await answer;
        answered = true;
        if (current()) setView((previous) => ({ ...previous, result, phase: 'idle', ready: true }));
      } catch (error) {
        answered = true;
        if (current())
          setView((previous) => ({
            ...previous,
            phase: 'idle',
            error: problemOf(error),
            ready: true,
          }));
      }
    },
    [provider],
  );

  useEffect(() => {
    void openingQuery.then((query) => {
      const worthRunning = Boolean(
        query.text || query.place || query.when !== 'any' || query.onlineOnly || query.freeOnly,
      );
      setView((previous) => ({ ...previous, query, ready: !worthRunning }));
      if (worthRunning) void run(query);
    });
  }, [run]);

  useEffect(() => {
    // Access granted again (the "Allow access" notice): a search that failed for want of it runs again.
    if (!view.error) return;
    const retry = () => void run(view.query);
    browser.permissions.onAdded.addListener(retry);
    return () => browser.permissions.onAdded.removeListener(retry);
  }, [view.error, view.query, run]);

  const edit = useCallback(
    (query: SearchQuery) => {
      // Offline, typing filters what this device has cached, across every search: at once (one render)
      // once the index is built, and when it is ready the first time.
      if (offline && builtIndex) {
        const result = filterWith(builtIndex, normalizeQuery(query));
        setView((previous) => ({ ...previous, query, result }));
        return;
      }
      setView((previous) => ({ ...previous, query }));
      if (offline)
        void indexFor(provider).then((index) =>
          setView((previous) => ({ ...previous, result: filterWith(index, normalizeQuery(previous.query)) })),
        );
    },
    [offline, provider],
  );

  return {
    view,
    edit,
    search: (query: SearchQuery) => run(query),
    refresh: () => run(view.query, { force: true }),
    more: () => run(view.query, { more: true }),
  };
}
