import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import { savedSearchName, syncOutcomeText } from '@/lib/words';
import { asks, queryKey, type SearchQuery } from '@/lib/query';
import type { SavedSearch } from '@/lib/saved-searches';
import type { ProviderId } from '@/lib/provider-id';
import type { NewMatch } from '@/lib/sync';

/**
 * Saved searches as the popup sees them: which one the current query is, what background sync found
 * since the last look (handed over once, which clears the badge), and "Sync now".
 */
export function useSavedSearches(providers: readonly ProviderId[]) {
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [matches, setMatches] = useState<NewMatch[]>([]);
  /** What the last action came to: words of the page's own, or a problem. */
  const [note, setNote] = useState<{ text?: string; problem?: Problem }>();
  const [busy, setBusy] = useState(false);

  const connected = providers.join(' ');
  const reload = useCallback(async () => {
    // Those a connected provider answers: the others wait, saved, for their provider to be connected.
    const answered = (search: SavedSearch) =>
      connected.split(' ').some((provider) => asks(search.query, provider as ProviderId));
    setSaved((await sendMessage('saved/list').catch(() => [])).filter(answered));
  }, [connected]);

  const collectNew = useCallback(async () => {
    const taken = await sendMessage('sync/new-matches').catch(() => []);
    if (taken.length) {
      setMatches((previous) => {
        const merged = new Map(previous.map((match) => [match.savedId, match]));
        for (const match of taken)
          merged.set(match.savedId, {
            ...match,
            newIds: [...new Set([...(merged.get(match.savedId)?.newIds ?? []), ...match.newIds])],
          });
        return [...merged.values()];
      });
    }
  }, []);

  useEffect(() => {
    void reload();
    void collectNew();
  }, [reload, collectNew]);

  const savedFor = (query: SearchQuery) => saved.find((search) => queryKey(search.query) === queryKey(query));

  return {
    matches,
    newIds: new Set(matches.flatMap((match) => match.newIds)),
    note,
    busy,
    savedFor,
    async toggle(query: SearchQuery) {
      setBusy(true);
      try {
        const result = await sendMessage('saved/toggle', query);
        setNote({
          text: result ? i18n.t('saved.saved', { name: savedSearchName(result) }) : i18n.t('saved.removed'),
        });
        await reload();
      } catch (error) {
        setNote({ problem: problemOf(error) });
      } finally {
        setBusy(false);
      }
    },
    /** Runs a cycle, then shows what it found. */
    async syncNow(): Promise<boolean> {
      setBusy(true);
      try {
        const status = await sendMessage('sync/run');
        setNote({ text: syncOutcomeText(status) });
        await collectNew();
        return status.found > 0;
      } catch (error) {
        setNote({ problem: problemOf(error) });
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
