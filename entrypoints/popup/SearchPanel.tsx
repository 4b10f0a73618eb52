import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import { EventList } from '@/components/EventList';
import { revealApp, saveSnapshot } from '@/components/popup-snapshot';
import { listFormat, updatedAgo } from '@/lib/format';
import { normalizeQuery, queryKey } from '@/lib/query';
import { problemText, providerName, savedSearchName } from '@/lib/words';
import { PROVIDER_IDS, type ProviderId } from '@/lib/provider-id';
import { SearchForm } from './SearchForm';
import { useSavedSearches } from './useSavedSearches';
import type { Phase, SearchView, ShownResult } from './search-view';
import { userZone, useSearch } from './useSearch';

function statusText({ query, answers }: SearchView, result: ShownResult | undefined, phase: Phase): string {
  if (phase === 'searching') {
    const showingThis = result?.fetchedAt && queryKey(result.query) === queryKey(normalizeQuery(query));
    if (!showingThis) return i18n.t('status.searching');
    // Some providers answered this search and others are still asked: name those.
    const asking = PROVIDER_IDS.filter((provider) => answers[provider]?.pending === 'search');
    if (PROVIDER_IDS.some((provider) => answers[provider]?.result && !answers[provider]?.pending))
      return i18n.t('status.asking', {
        events: i18n.t('status.events', result.events.length),
        providers: listFormat().format(asking.map(providerName)),
      });
    // Cached results of this very search are on screen while the background revalidates them.
    return i18n.t('status.checking', { updated: updatedAgo(result.fetchedAt!) });
  }
  if (phase === 'more') return i18n.t('status.loadingMore');
  if (!result) return '';
  const count = result.events.length;
  const events = i18n.t('status.events', count);
  if (result.problem?.code === 'offline') {
    if (result.fetchedAt !== null)
      return i18n.t('status.offline', { events, updated: updatedAgo(result.fetchedAt) });
    const matched = result.matched ?? count;
    const matches = i18n.t('status.offlineMatches', matched);
    return matched > count ? i18n.t('status.firstShown', { matches, shown: String(count) }) : matches;
  }
  if (count === 0) return i18n.t('status.noMatches');
  const age = result.fetchedAt === null ? 0 : Date.now() - result.fetchedAt;
  return age >= 60_000
    ? i18n.t('status.withAge', { events, updated: updatedAgo(result.fetchedAt!) })
    : events;
}

/** Once results are on screen the app replaces the snapshot, and the next popup's snapshot is taken. */
function useSnapshot(
  providers: ProviderId[],
  view: SearchView,
  result: ShownResult | undefined,
  phase: Phase,
  clean: boolean,
  owner: string | null,
) {
  const shown = result?.events.length ?? 0;
  useEffect(() => {
    if (!view.ready) return;
    revealApp();
    // Only the providers' results, all in and none failed, make the next popup's snapshot; never an
    // offline filtering of the cache.
    if (owner && shown && phase === 'idle' && clean && !result?.problem) {
      const timer = setTimeout(() => saveSnapshot(owner, providers), 50);
      return () => clearTimeout(timer);
    }
  }, [providers, view, result, phase, clean, shown, owner]);
}

interface Props {
  /** Every connected provider, in their fixed order. */
  providers: ProviderId[];
  /** Whose results these are (lib/owners.ts snapshotOwner). */
  owner: string | null;
}

/** Search over every connected provider, and the merged results. */
export function SearchPanel({ providers, owner }: Props) {
  const { view, result, phase, failures, edit, search, retry, refresh, more } = useSearch(providers);
  const saved = useSavedSearches(providers);
  useSnapshot(providers, view, result, phase, failures.length === 0, owner);
  const busy = phase !== 'idle';
  const shownQuery = result?.query;
  const isSaved = Boolean(shownQuery && saved.savedFor(shownQuery));
  const syncNow = async () => {
    if (await saved.syncNow()) await search(view.query);
  };

  return (
    <>
      <SearchForm
        providers={providers}
        query={view.query}
        onChange={edit}
        onSubmit={(query) => void search(query)}
      />
      {saved.matches.length > 0 && (
        <section class="new-matches" aria-label={i18n.t('search.newEvents')}>
          <span>{i18n.t('search.newSince')}</span>
          {saved.matches.map((match) => (
            <button key={match.savedId} type="button" class="chip" onClick={() => void search(match.query)}>
              {i18n.t('search.newInSaved', {
                name: savedSearchName(match),
                count: String(match.newIds.length),
              })}
            </button>
          ))}
        </section>
      )}
      {result?.problem?.code === 'offline' && <p class="banner">{i18n.t('search.offlineBanner')}</p>}
      {failures.map(({ provider, problem }) => (
        // Each provider that failed, by name; the others' results stay below.
        <div class="alert" role="alert" key={provider}>
          <span>
            <strong>{providerName(provider)}:</strong> {problemText(problem)}
          </span>
          <button type="button" class="secondary small" onClick={() => void retry(provider)}>
            {i18n.t('search.tryProviderAgain', { provider: providerName(provider) })}
          </button>
        </div>
      ))}
      <div class="toolbar">
        <p class="status" role="status">
          {statusText(view, result, phase)}
        </p>
        <div class="actions">
          <button
            type="button"
            class="secondary small"
            aria-pressed={isSaved}
            disabled={!shownQuery || saved.busy}
            onClick={() => shownQuery && void saved.toggle(shownQuery)}
          >
            {i18n.t('search.saveSearch')}
          </button>
          <button type="button" class="secondary small" disabled={saved.busy} onClick={() => void syncNow()}>
            {i18n.t('search.syncNow')}
          </button>
          {/* A symbol with its name for assistive technology and a tooltip: the three fit one line in
              every language. */}
          <button
            type="button"
            class="secondary small"
            aria-label={i18n.t('search.refresh')}
            title={i18n.t('search.refresh')}
            onClick={() => void refresh()}
            disabled={busy || !result}
          >
            ↻
          </button>
        </div>
      </div>
      {saved.note && (
        <p class="note" aria-live="polite">
          {saved.note.problem ? problemText(saved.note.problem) : saved.note.text}
        </p>
      )}
      {result && result.events.length > 0 && (
        // Another query gets a new list: mounting it fresh costs less than diffing against one it shares nothing with.
        <div class="results" key={queryKey(result.query)}>
          <EventList
            events={result.events}
            userZone={userZone}
            newIds={saved.newIds}
            // Answers from several providers merge one by one: paint each list's first screenful first, so
            // a later answer is not held behind rows nobody sees yet.
            progressive={result.fetchedAt === null || providers.length > 1}
          />
          {result.hasMore && (
            <button type="button" class="secondary more" onClick={() => void more()} disabled={busy}>
              {i18n.t('search.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
