import { describe, expect, test } from 'vitest';
import { exactStart, type Event } from '@/lib/event';
import type { ProviderId } from '@/lib/provider-id';
import { normalizeQuery, queryKey, type SearchQuery } from '@/lib/query';
import type { SearchResult } from '@/lib/search';
import { failuresOf, mergedResult, phaseOf, type SearchView } from '@/entrypoints/popup/search-view';
import { sampleEvent } from '../../../support/events';

const berlin = normalizeQuery({ place: 'Berlin' });
const paris = normalizeQuery({ place: 'Paris' });

const at = (provider: ProviderId, id: string, day: number): Event =>
  sampleEvent({
    provider,
    id,
    start: exactStart({ utc: new Date(Date.UTC(2031, 0, day, 18)).toISOString(), timezone: 'UTC' }),
  });

const answer = (
  provider: ProviderId,
  query: SearchQuery,
  events: Event[],
  fetchedAt = 1_000,
): SearchResult => ({
  provider,
  query,
  events,
  hasMore: false,
  fetchedAt,
});

const view = (searched: SearchQuery, answers: SearchView['answers']): SearchView => ({
  query: searched,
  searched: queryKey(searched),
  answers,
  ready: true,
});

const ids = (result: ReturnType<typeof mergedResult>) =>
  result?.events.map((event) => `${event.provider}:${event.id}`);

describe('mergedResult', () => {
  test('the providers’ answers to the search on screen, as one list in start order', () => {
    const shown = mergedResult(
      view(berlin, {
        demo: { result: answer('demo', berlin, [at('demo', 'a', 1), at('demo', 'b', 3)]) },
        ticketmaster: { result: answer('ticketmaster', berlin, [at('ticketmaster', 'x', 2)], 500) },
      }),
    );
    expect(ids(shown)).toEqual(['demo:a', 'ticketmaster:x', 'demo:b']);
    // The oldest part says how fresh the list is.
    expect(shown?.fetchedAt).toBe(500);
  });

  test('the new search’s first answer replaces the list, though a provider still holds the last one', () => {
    const state = view(berlin, {
      demo: { result: answer('demo', berlin, [at('demo', 'a', 1)]) },
      // Still asked for Berlin; what it answered for Paris must not stand in for Demo's answer.
      ticketmaster: {
        result: answer('ticketmaster', paris, [at('ticketmaster', 'p', 2)]),
        pending: 'search',
      },
    });
    expect(ids(mergedResult(state))).toEqual(['demo:a']);
    expect(mergedResult(state)?.query).toEqual(berlin);
  });

  test('until one answers, the list it replaces stays, never two searches mixed', () => {
    const state = view(berlin, {
      demo: { result: answer('demo', paris, [at('demo', 'a', 1)]), pending: 'search' },
      ticketmaster: {
        result: answer('ticketmaster', paris, [at('ticketmaster', 'p', 2)]),
        pending: 'search',
      },
    });
    expect(ids(mergedResult(state))).toEqual(['demo:a', 'ticketmaster:p']);
    expect(mergedResult(view(berlin, {}))).toBeUndefined();
  });
});

describe('phaseOf and failuresOf', () => {
  test('searching while any provider is asked for a first page, and each failure named by its provider', () => {
    const state = view(berlin, {
      demo: { result: answer('demo', berlin, [at('demo', 'a', 1)]) },
      ticketmaster: { pending: 'search' },
    });
    expect(phaseOf(state)).toBe('searching');
    expect(failuresOf(state)).toEqual([]);

    const failed = view(berlin, {
      demo: { result: answer('demo', berlin, [at('demo', 'a', 1)]) },
      ticketmaster: { error: { code: 'key-refused' } },
    });
    expect(phaseOf(failed)).toBe('idle');
    expect(failuresOf(failed)).toEqual([{ provider: 'ticketmaster', problem: { code: 'key-refused' } }]);
  });

  test('an offline fallback is the banner’s, not a provider’s failure', () => {
    const offline = view(berlin, {
      demo: { result: { ...answer('demo', berlin, [at('demo', 'a', 1)]), problem: { code: 'offline' } } },
    });
    expect(failuresOf(offline)).toEqual([]);
  });
});
