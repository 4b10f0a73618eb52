import type { CodeFlowConfig } from '../auth/code-flow';
import type { ImplicitFlowConfig } from '../auth/implicit-flow';
import type { Event } from '../event';
import type { SearchQuery, TimeRange } from '../query';
import type { Account } from '../settings';
import type { ProviderId, SignInProviderId } from '../provider-id';

export type AuthMethod =
  { kind: 'code'; config: CodeFlowConfig } | { kind: 'implicit'; config: ImplicitFlowConfig };

export interface SearchPage {
  /** In start order, each once. */
  events: Event[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

/** How a provider's API turns into the common model. */
export interface SearchProvider {
  id: ProviderId;
  /** The most API requests one `search` call makes. */
  requestsPerPage: number;
  /** `credential` is an access token (OAuth providers) or an API key (Ticketmaster). */
  search(
    query: SearchQuery,
    range: TimeRange,
    cursor: string | undefined,
    credential: string,
  ): Promise<SearchPage>;
}

/** A provider signed in to with OAuth: how to sign in, and whose account it is. */
export interface SignInProvider extends SearchProvider {
  id: SignInProviderId;
  auth: AuthMethod;
  fetchAccount(accessToken: string): Promise<Account>;
}
