import type { Event } from './event';
import { PROVIDER_IDS, type ProviderId } from './provider-id';

/**
 * One list from many providers' pages. Each provider pages on its own cursor, so an event the list shows
 * must not be overtaken by one a provider has not sent yet: the list ends at the earliest last start
 * among the providers that have more, and holds the rest until "More" brings those providers further.
 */

/** What one provider has answered for a search so far. */
export interface ProviderShare {
  provider: ProviderId;
  /** In the provider's start order. */
  events: Event[];
  /** The provider has another page. */
  hasMore: boolean;
}

export interface MergedList {
  /** Every provider's events that can be shown, in start order. */
  events: Event[];
  /** Fetched, but later than what a provider with more may still send. */
  held: number;
  hasMore: boolean;
}

const providerRank = (provider: ProviderId) => PROVIDER_IDS.indexOf(provider);

/** Start order; at the same start the providers' fixed order, then the id, so a list never reshuffles. */
export function compareByStart(a: Event, b: Event): number {
  if (a.start.utc !== b.start.utc) return a.start.utc < b.start.utc ? -1 : 1;
  if (a.provider !== b.provider) return providerRank(a.provider) - providerRank(b.provider);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function mergeShares(shares: readonly ProviderShare[]): MergedList {
  // A provider with more but nothing yet (a page its local filter emptied) says nothing about where its
  // next events start: it cannot hold the others back.
  const horizons = shares
    .filter((share) => share.hasMore && share.events.length > 0)
    .map((share) =>
      share.events.reduce((latest, event) => (event.start.utc > latest ? event.start.utc : latest), ''),
    );
  const horizon = horizons.length ? horizons.reduce((earliest, at) => (at < earliest ? at : earliest)) : null;
  const all = shares.flatMap((share) => share.events).sort(compareByStart);
  const events = horizon === null ? all : all.filter((event) => event.start.utc <= horizon);
  return { events, held: all.length - events.length, hasMore: shares.some((share) => share.hasMore) };
}
