import { eventSearchText, foldText, type Event } from './event';
import { matchesFilters, type SearchQuery, type TimeRange } from './query';

/**
 * The one definition of a text match, for every path that filters on this device (Eventbrite's lists,
 * the offline index): each typed word occurs somewhere in the event's folded search text, as a substring.
 * Substrings, not word prefixes, so "azz" finds "Jazz" and "konzert" finds "Sommerkonzert"; folded, so
 * case and accents do not matter.
 */

/** Runs of letters and digits: what a typed word can be made of. */
const NOT_A_WORD = /[^\p{L}\p{N}]+/u;

/** The folded words of what the user typed (or of an event's search text), empty ones dropped. */
export function textWords(text: string): string[] {
  return foldText(text).split(NOT_A_WORD).filter(Boolean);
}

/**
 * Whether folded `searchText` (lib/event.ts eventSearchText) holds every one of `words` (textWords).
 * A typed word has no separators in it, so it occurs in the text exactly when it occurs in one of the
 * text's words: the offline index relies on that to look through distinct words only.
 */
export function matchesWords(searchText: string, words: readonly string[]): boolean {
  return words.every((word) => searchText.includes(word));
}

/** Where an event is, folded, as the place filter reads it. */
export function placeText(event: Pick<Event, 'venue'>): string {
  return event.venue ? foldText(`${event.venue.city} ${event.venue.address}`) : '';
}

/** A query's text and place, folded once for the many events they are tested against. */
export interface FoldedQuery {
  words: string[];
  place: string;
}

export function foldQuery(query: { text: string; place: string }): FoldedQuery {
  return { words: textWords(query.text), place: foldText(query.place).trim() };
}

/** The place filter: the typed place occurs in the event's placeText; an empty one takes any place. */
export function matchesPlace(place: string, folded: FoldedQuery): boolean {
  return !folded.place || place.includes(folded.place);
}

/**
 * The whole query on one event, for filtering what a provider's server did not (Eventbrite's lists);
 * the offline index (lib/event-index.ts) applies the same definitions to many events at once.
 */
export function matchesQuery(event: Event, query: SearchQuery, range: TimeRange): boolean {
  const folded = foldQuery(query);
  return (
    matchesFilters(event, query, range) &&
    matchesPlace(placeText(event), folded) &&
    matchesWords(eventSearchText(event), folded.words)
  );
}
