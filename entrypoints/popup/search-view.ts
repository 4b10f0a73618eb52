import { mergeShares } from '@/lib/merge';
import type { Problem } from '@/lib/problem';
import type { ProviderId } from '@/lib/provider-id';
import { queryKey, type SearchQuery } from '@/lib/query';
import type { SearchResult } from '@/lib/search';

// The popup's search as data: what each provider answered, and what that puts on screen. Plain functions,
// so they are tested without a page; entrypoints/popup/useSearch.ts keeps the view and asks the providers.

export type Phase = 'idle' | 'searching' | 'more';

/** A list as the popup shows it: one provider's, or several merged. */
export type ShownResult = Omit<SearchResult, 'provider'>;

/** One provider's part of the search on screen. */
export interface ProviderAnswer {
  result?: SearchResult;
  /** Its request failed; `result` is then what it showed before, if anything. */
  error?: Problem;
  /** Asked and not answered yet. */
  pending?: 'search' | 'more';
}

export interface SearchView {
  query: SearchQuery;
  /** Each connected provider's part, as it came in. */
  answers: Partial<Record<ProviderId, ProviderAnswer>>;
  /** The cache filtered as the user types, offline: it stands for the providers' answers meanwhile. */
  filtered?: ShownResult;
  /** Something real to show: results (cached or not), an answer, or nothing to search for. */
  ready: boolean;
  /** The key (queryKey) of the search run last. */
  searched?: string;
}

/** The list on screen: the providers' answers to the latest query answered, merged (lib/merge.ts). */
export function mergedResult(view: SearchView): ShownResult | undefined {
  if (view.filtered) return view.filtered;
  const results = Object.values(view.answers)
    .map((answer) => answer?.result)
    .filter((result) => result !== undefined);
  // The last search's answers as soon as one is in, and until then the list it replaces; never two
  // searches mixed, whichever provider answers first.
  const latest = results.filter((result) => queryKey(result.query) === view.searched);
  const replaced = results[0] && queryKey(results[0].query);
  const shown = latest.length ? latest : results.filter((result) => queryKey(result.query) === replaced);
  const newest = shown[0];
  if (!newest) return undefined;
  const merged = mergeShares(
    shown.map((result) => ({ provider: result.provider, events: result.events, hasMore: result.hasMore })),
  );
  const ages = shown.map((result) => result.fetchedAt);
  return {
    query: newest.query,
    events: merged.events,
    hasMore: merged.hasMore,
    // The oldest part says how fresh the list is; a part filtered from the cache, that none came fresh.
    fetchedAt: ages.includes(null) ? null : Math.min(...(ages as number[])),
    problem: shown.find((result) => result.problem?.code === 'offline')?.problem,
    ...(shown.some((result) => result.matched !== undefined)
      ? { matched: shown.reduce((sum, result) => sum + (result.matched ?? result.events.length), 0) }
      : {}),
  };
}

/** What is still on its way: the first page of a search, or "More". */
export function phaseOf(view: SearchView): Phase {
  const pending = Object.values(view.answers).map((answer) => answer?.pending);
  return pending.includes('search') ? 'searching' : pending.includes('more') ? 'more' : 'idle';
}

/** The providers whose part failed, each with its problem (an offline fallback is the banner's, not an alert's). */
export function failuresOf(view: SearchView): { provider: ProviderId; problem: Problem }[] {
  return Object.entries(view.answers).flatMap(([provider, answer]) => {
    const problem =
      answer?.error ?? (answer?.result?.problem?.code === 'offline' ? undefined : answer?.result?.problem);
    return problem && !answer?.pending ? [{ provider: provider as ProviderId, problem }] : [];
  });
}
