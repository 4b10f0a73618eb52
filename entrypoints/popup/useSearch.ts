import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadScript } from '@/components/load-script';
import { inPanel } from '@/components/PanelButton';
import { openCache, type CacheDb } from '@/lib/cache/db';
import { OFFLINE_MATCH_LIMIT, readSearch } from '@/lib/cache/searches';
import type { EventIndex } from '@/lib/event-index';
import { sendMessage } from '@/lib/messages';
import {
  answerKey,
  dateRange,
  EMPTY_QUERY,
  normalizeQuery,
  queryKey,
  sourcesAsked,
  type SearchQuery,
} from '@/lib/query';
import type { SearchResult } from '@/lib/search';
import {
  failuresOf,
  mergedResult,
  phaseOf,
  type ProviderAnswer,
  type SearchView,
  type ShownResult,
} from './search-view';
import { OFFLINE, problemOf } from '@/lib/problem';
import { lastQuery, searchRequest } from '@/lib/settings';
import { requestSearch } from '@/lib/search-request';
import { type ProviderId } from '@/lib/provider-id';
import { userTimeZone } from '@/lib/zoned-time';

export const userZone = userTimeZone();

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
    const cached = await readSearch(db, provider, answerKey(query));
    return (
      cached && {
        provider,
        query,
        events: cached.events,
        hasMore: Boolean(cached.search.cursor),
        fetchedAt: cached.search.fetchedAt,
      }
    );
  });
}

/** Every cached event of some providers, indexed once, the first time the popup filters offline. */
interface OfflineIndex {
  building: Promise<EventIndex>;
  built?: EventIndex;
}

const offlineIndexes = new Map<string, OfflineIndex>();

/** The index of `providers`' cached events (one per set of sources), started the first time it is asked for. */
function indexFor(providers: readonly ProviderId[]): OfflineIndex {
  const key = providers.join(' ');
  let entry = offlineIndexes.get(key);
  if (!entry) {
    const index: OfflineIndex = {
      building: loadScript('/offline-index.js').then(() =>
        withPopupCache(
          async (db) => (index.built = await window.eventScoutOfflineIndex!.indexCachedEvents(db, providers)),
        ),
      ),
    };
    offlineIndexes.set(key, (entry = index));
  }
  return entry;
}

function filterWith(index: EventIndex, query: SearchQuery): ShownResult {
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

/**
 * A notification opens the popup on its saved search (`?saved=<id>`), a search the user asks for now;
 * otherwise the popup resumes the last query.
 */
async function findOpeningQuery(): Promise<{ query: SearchQuery; resumed: boolean }> {
  const savedId = new URLSearchParams(location.search).get('saved');
  const saved = savedId
    ? (await sendMessage('saved/list').catch(() => [])).find((search) => search.id === savedId)
    : undefined;
  return saved
    ? { query: saved.query, resumed: false }
    : { query: await lastQuery.getValue(), resumed: true };
}

// Asked for as soon as the script runs, not when the first render gets round to it.
const openingQuery = findOpeningQuery();

/** This page, among those that ask for searches (lib/search-request.ts). */
const PAGE_ID = crypto.randomUUID();

/**
 * The search this page shows: the last it ran, or, in a side panel, one asked for since by the popup,
 * another panel, the context menu or the address bar (heard from the moment the script runs: the panel a
 * right-click opened may load before or after its search is stored). A search panel started afresh (a
 * provider connected) goes on with it, and `follow` runs one asked for while a panel is mounted. The
 * popup follows nothing: it closes as soon as the user looks elsewhere, and opens on the last search.
 */
const shown = {
  query: undefined as SearchQuery | undefined,
  follow: undefined as ((query: SearchQuery) => void) | undefined,
};
if (inPanel())
  searchRequest.watch((request) => {
    if (!request || request.from === PAGE_ID) return;
    shown.query = request.query;
    shown.follow?.(request.query);
  });

const pick = (answers: SearchView['answers'], providers: readonly ProviderId[]): SearchView['answers'] =>
  Object.fromEntries(
    providers.flatMap((provider) => (answers[provider] ? [[provider, answers[provider]]] : [])),
  );

/** A provider's answer set into the view, the others' left as they are. */
const withAnswer = (view: SearchView, provider: ProviderId, answer: ProviderAnswer): SearchView => ({
  ...view,
  answers: { ...view.answers, [provider]: answer },
});

/**
 * The popup's search over every connected provider at once: reopens on the last query with its cached
 * results, asks each provider through the background, paints each part as it comes (a slow or failing
 * provider holds no other back), and while offline filters the cached events as the user types.
 */
export function useSearch(connected: readonly ProviderId[]) {
  // Fixed for the hook's life: the popup starts a new search panel when the providers change.
  const [providers] = useState(connected);
  const [view, setView] = useState<SearchView>({ query: EMPTY_QUERY, answers: {}, ready: false });
  const latest = useRef(0);
  const current = useRef(view);
  current.current = view;
  const result = mergedResult(view);
  const offline = result?.problem?.code === 'offline';

  /** Asks one provider; its answer (or failure) replaces its part, if this search is still the latest. */
  const ask = useCallback(
    async (
      provider: ProviderId,
      query: SearchQuery,
      ticket: number,
      options: { force?: boolean; more?: boolean },
    ) => {
      const isCurrent = () => ticket === latest.current;
      const previous = current.current.answers[provider];
      setView((view) =>
        withAnswer(view, provider, {
          ...view.answers[provider],
          error: undefined,
          pending: options.more ? 'more' : 'search',
        }),
      );
      // The background is asked at once; the cache, read meanwhile, paints first if it can.
      const answer = sendMessage(options.more ? 'search/more' : 'search/run', {
        provider,
        query,
        timeZone: userZone,
        force: options.force,
      });
      let answered = false;
      if (!options.more && !options.force)
        void readCached(provider, query)
          .then((cached) => {
            if (cached && isCurrent() && !answered)
              setView((view) => ({
                ...withAnswer(view, provider, { ...view.answers[provider], result: cached }),
                ready: true,
              }));
          })
          .catch(() => undefined);
      try {
        const result = await answer;
        answered = true;
        if (isCurrent()) setView((view) => ({ ...withAnswer(view, provider, { result }), ready: true }));
      } catch (error) {
        answered = true;
        const shown = current.current.answers[provider]?.result ?? previous?.result;
        if (isCurrent())
          setView((view) => ({
            ...withAnswer(view, provider, {
              // What it showed for this very query stays; another query's does not.
              result: shown && queryKey(shown.query) === queryKey(query) ? shown : undefined,
              error: problemOf(error),
            }),
            ready: true,
          }));
      }
    },
    [],
  );

  const run = useCallback(
    async (
      input: SearchQuery,
      options: { force?: boolean; more?: boolean; only?: ProviderId; tellOthers?: boolean } = {},
    ) => {
      const query = normalizeQuery(input);
      const ticket = ++latest.current;
      const answers = current.current.answers;
      // "More" asks only the providers that have more; "Try … again" only the one that failed.
      const asked = options.only
        ? [options.only]
        : options.more
          ? providers.filter((provider) => answers[provider]?.result?.hasMore)
          : sourcesAsked(query, providers);
      setView((view) => ({
        ...view,
        query: input,
        searched: queryKey(query),
        filtered: undefined,
        // A search's list holds only the providers it asked: another's answer to the same words goes.
        answers: options.more || options.only ? view.answers : pick(view.answers, asked),
      }));
      if (!options.more && !options.only) {
        shown.query = query;
        // A new search: the other open pages follow it (not one they asked for, nor one resumed).
        if (options.tellOthers !== false) void requestSearch(query, PAGE_ID);
      }
      await Promise.all(asked.map((provider) => ask(provider, query, ticket, options)));
    },
    [providers, ask],
  );

  useEffect(() => {
    void openingQuery.then((opening) => {
      // What the page showed before this panel, or was asked for while it loaded, comes after the query
      // it opened on.
      const query = shown.query ?? opening.query;
      const worthRunning = Boolean(
        query.text || query.place || query.when !== 'any' || query.onlineOnly || query.freeOnly,
      );
      setView((previous) => ({ ...previous, query, ready: !worthRunning }));
      if (worthRunning) void run(query, { tellOthers: !shown.query && !opening.resumed });
      shown.follow = (asked) => {
        setView((previous) => ({ ...previous, query: asked }));
        void run(asked, { tellOthers: false });
      };
    });
    return () => {
      shown.follow = undefined;
    };
  }, [run]);

  useEffect(() => {
    // Access granted again (the "Allow access" notice): a search that failed for want of it runs again.
    const failed = failuresOf(view).length > 0;
    if (!failed) return;
    const retry = () => void run(view.query);
    browser.permissions.onAdded.addListener(retry);
    return () => browser.permissions.onAdded.removeListener(retry);
  }, [view, run]);

  const edit = useCallback(
    (query: SearchQuery) => {
      if (!offline) return setView((previous) => ({ ...previous, query }));
      // Offline, typing filters what this device has cached of the sources, across every search: at
      // once (one render) once their index is built, and when it is ready the first time.
      const index = indexFor(sourcesAsked(normalizeQuery(query), providers));
      if (index.built) {
        const filtered = filterWith(index.built, normalizeQuery(query));
        return setView((previous) => ({ ...previous, query, filtered }));
      }
      setView((previous) => ({ ...previous, query }));
      void index.building.then((built) =>
        setView((previous) => ({ ...previous, filtered: filterWith(built, normalizeQuery(previous.query)) })),
      );
    },
    [offline, providers],
  );

  return {
    view,
    result,
    phase: phaseOf(view),
    failures: failuresOf(view),
    edit,
    search: (query: SearchQuery) => run(query),
    retry: (provider: ProviderId) => run(view.query, { only: provider }),
    refresh: () => run(view.query, { force: true }),
    more: () => run(view.query, { more: true }),
  };
}
