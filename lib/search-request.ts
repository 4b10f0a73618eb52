import { normalizeQuery, type SearchQuery } from './query';
import { lastQuery, searchRequest } from './settings';
import { openSidePanel, panelPageUrl } from './side-panel';

/**
 * Selected or typed text as a search of those words, anywhere and any date (the form shows the filters
 * to narrow it): trimmed, its spaces tidied, cut to 200 characters. Undefined for whitespace alone.
 */
export function wordsQuery(text: string | undefined): SearchQuery | undefined {
  const query = normalizeQuery({ text });
  return query.text ? query : undefined;
}

/**
 * Asks for a search where the user will see it: every open side panel but the one asking (`from`: a
 * page's id, or `menu`, `address-bar`) runs it (lib/settings.ts searchRequest), and the next popup opens
 * on it.
 */
export async function requestSearch(query: SearchQuery, from: string): Promise<void> {
  await Promise.all([lastQuery.setValue(query), searchRequest.setValue({ query, from, at: Date.now() })]);
}

/**
 * Shows a search asked for outside the pages (the context menu, the address bar): the side panel is asked
 * for first, while the browser still counts this as the user's action, then the search is stored for it
 * to pick up. Where no panel opens, `openPage` opens the panel's page instead (in a tab).
 */
export async function searchInPanel(
  query: SearchQuery,
  from: string,
  openPage: (url: string) => Promise<unknown>,
  windowId?: number,
): Promise<void> {
  const opened = openSidePanel(windowId).then(
    () => true,
    () => false,
  );
  await requestSearch(query, from);
  if (!(await opened)) await openPage(panelPageUrl());
}
