import { useEffect } from 'preact/hooks';
import { EventList } from '@/components/EventList';
import { revealApp, saveSnapshot } from '@/components/popup-snapshot';
import { updatedAgo } from '@/components/format';
import { normalizeQuery, queryKey } from '@/lib/query';
import type { ProviderId } from '@/lib/provider-id';
import { SearchForm } from './SearchForm';
import { useSavedSearches } from './useSavedSearches';
import { userZone, useSearch, type SearchView } from './useSearch';

function statusText({ result, phase, query }: SearchView): string {
  if (phase === 'searching') {
    // Cached results of this very search are on screen while the background revalidates them.
    const showingThis = result?.fetchedAt && queryKey(result.query) === queryKey(normalizeQuery(query));
    return showingThis ? `${updatedAgo(result.fetchedAt!)} · Checking for changes…` : 'Searching…';
  }
  if (phase === 'more') return 'Loading more…';
  if (!result) return '';
  const count = result.events.length;
  const events = `${count} ${count === 1 ? 'event' : 'events'}`;
  if (result.problem?.kind === 'offline') {
    if (result.fetchedAt !== null) return `Offline · ${events} · ${updatedAgo(result.fetchedAt)}`;
    const matched = result.matched ?? count;
    const shown = matched > count ? ` (first ${count} shown)` : '';
    return `Offline · ${matched} ${matched === 1 ? 'event' : 'events'} saved on this device match${shown}`;
  }
  if (count === 0) return 'No events match. Try other words, places or dates.';
  const age = result.fetchedAt === null ? 0 : Date.now() - result.fetchedAt;
  return age >= 60_000 ? `${events} · ${updatedAgo(result.fetchedAt!)}` : events;
}

/** Once results are on screen the app replaces the snapshot, and the next popup's snapshot is taken. */
function useSnapshot(view: SearchView) {
  const shown = view.result?.events.length ?? 0;
  useEffect(() => {
    if (!view.ready) return;
    revealApp();
    // Only the provider's results make the next popup's snapshot, not an offline filtering of the cache.
    if (shown && view.phase === 'idle' && !view.result?.problem) {
      const timer = setTimeout(saveSnapshot, 50);
      return () => clearTimeout(timer);
    }
  }, [view, shown]);
}

export function SearchPanel({ provider }: { provider: ProviderId }) {
  const { view, edit, search, refresh, more } = useSearch(provider);
  const saved = useSavedSearches(provider);
  useSnapshot(view);
  const { result, phase } = view;
  const problem =
    view.error ?? (result?.problem && result.problem.kind !== 'offline' ? result.problem.message : undefined);
  const busy = phase !== 'idle';
  const shownQuery = result?.query;
  const isSaved = Boolean(shownQuery && saved.savedFor(shownQuery));
  const syncNow = async () => {
    if (await saved.syncNow()) await search(view.query);
  };

  return (
    <>
      <SearchForm query={view.query} onChange={edit} onSubmit={(query) => void search(query)} />
      {saved.matches.length > 0 && (
        <section class="new-matches" aria-label="New events">
          <span>New since you last looked:</span>
          {saved.matches.map((match) => (
            <button key={match.savedId} type="button" class="chip" onClick={() => void search(match.query)}>
              {match.name} · {match.newIds.length} new
            </button>
          ))}
        </section>
      )}
      {result?.problem?.kind === 'offline' && (
        <p class="banner">You are offline. These are results saved on this device; typing filters them.</p>
      )}
      {problem && (
        <div class="alert" role="alert">
          <span>{problem}</span>
          <button type="button" class="secondary small" onClick={() => void search(view.query)}>
            Try again
          </button>
        </div>
      )}
      <div class="toolbar">
        <p class="status" role="status">
          {statusText(view)}
        </p>
        <div class="actions">
          <button
            type="button"
            class="secondary small"
            aria-pressed={isSaved}
            disabled={!shownQuery || saved.busy}
            onClick={() => shownQuery && void saved.toggle(shownQuery)}
          >
            Save search
          </button>
          <button type="button" class="secondary small" disabled={saved.busy} onClick={() => void syncNow()}>
            Sync now
          </button>
          <button
            type="button"
            class="secondary small"
            onClick={() => void refresh()}
            disabled={busy || !result}
          >
            Refresh
          </button>
        </div>
      </div>
      {saved.note && (
        <p class="note" aria-live="polite">
          {saved.note}
        </p>
      )}
      {result && result.events.length > 0 && (
        // Another query gets a new list: mounting it fresh costs less than diffing against one it shares nothing with.
        <div class="results" key={queryKey(result.query)}>
          <EventList
            events={result.events}
            userZone={userZone}
            newIds={saved.newIds}
            progressive={result.fetchedAt === null}
          />
          {result.hasMore && (
            <button type="button" class="secondary more" onClick={() => void more()} disabled={busy}>
              More
            </button>
          )}
        </div>
      )}
    </>
  );
}
