import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { withCacheConnection } from './cache/db';
import { indexCachedEvents } from './cache/offline-index';
import { connectedProviders } from './connections';
import { safeHttpUrl, type Event } from './event';
import type { EventIndex } from './event-index';
import { eventWhen } from './format';
import { dateRange } from './query';
import { requestSearch, searchInPanel, wordsQuery } from './search-request';
import { panelPageUrl } from './side-panel';
import { userTimeZone } from './zoned-time';

// The address bar's keyword (manifest `omnibox`, "ev"): typing after it suggests cached events, Enter
// opens the one picked or searches the words typed.

/** As many as the address bar's list shows without scrolling. */
const SUGGESTION_COUNT = 6;

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

export interface Suggestion {
  /** The event's page: what Enter on it opens. */
  content: string;
  description: string;
}

/** Chrome reads a description as XML (its `<match>`, `<dim>`, `<url>`); Firefox shows it as it is. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "Jazz Night · Fri, Dec 4, 8:00 PM": the title, and when on the event's clock, in the UI language. */
export function describeEvent(event: Event, userZone: string, asXml: boolean): string {
  const when = eventWhen(event, userZone).text;
  return asXml ? `${escapeXml(event.title)} <dim>· ${escapeXml(when)}</dim>` : `${event.title} · ${when}`;
}

/** The cached events matching what was typed, soonest first: those with a page to open. */
export function suggestionsFrom(
  index: EventIndex,
  typed: string,
  now: Date,
  userZone: string,
  asXml: boolean,
): Suggestion[] {
  const query = wordsQuery(typed);
  if (!query) return [];
  // Asked for a few more than shown: an event without an http(s) page is left out.
  const { events } = index.search(query, dateRange('any', now, userZone), SUGGESTION_COUNT * 2);
  return events
    .flatMap((event) => {
      const url = safeHttpUrl(event.url);
      return url ? [{ content: url, description: describeEvent(event, userZone, asXml) }] : [];
    })
    .slice(0, SUGGESTION_COUNT);
}

/**
 * One typing session's index of the connected providers' cached events: built when the keyword is typed,
 * dropped when the user leaves the address bar.
 */
let typing: Promise<EventIndex> | undefined;

/** onInputChanged: suggestions for what is typed so far. */
export async function suggestCachedEvents(typed: string): Promise<Suggestion[]> {
  typing ??= connectedProviders().then((providers) =>
    withCacheConnection((db) => indexCachedEvents(db, providers)),
  );
  return suggestionsFrom(await typing, typed, new Date(), userTimeZone(), !import.meta.env.FIREFOX);
}

/** Opens a URL where the browser says: this tab, or a new one in front or behind. */
function openUrl(url: string, disposition: Disposition): Promise<unknown> {
  if (disposition === 'currentTab') return browser.tabs.update({ url });
  return browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
}

/**
 * onInputEntered: a suggestion (an event's page, or any http(s) address typed) opens where the browser
 * says; other words are searched, in the side panel (which the browser may refuse outside a click, as
 * Firefox does before 142) or else in a tab.
 */
export async function enterInAddressBar(text: string, disposition: Disposition): Promise<void> {
  typing = undefined;
  const url = safeHttpUrl(text.trim());
  if (url) {
    await openUrl(url, disposition);
    return;
  }
  const query = wordsQuery(text);
  if (!query) return;
  // This tab: the side panel beside it, or the search in it; a new tab: the panel's page there.
  const openHere = (url: string) => openUrl(url, disposition);
  if (disposition === 'currentTab') return searchInPanel(query, 'address-bar', openHere);
  await requestSearch(query, 'address-bar');
  await openHere(panelPageUrl());
}

/** onInputCancelled: the next typing session indexes the cache afresh. */
export const leaveAddressBar = (): void => {
  typing = undefined;
};

/** What the list offers above the suggestions, before anything is typed. */
export const defaultSuggestion = (): string => i18n.t('addressBar.default');
