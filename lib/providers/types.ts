import type { CodeFlowConfig } from '../auth/code-flow';
import type { ImplicitFlowConfig } from '../auth/implicit-flow';
import type { Event } from '../event';
import type { SearchQuery, TimeRange } from '../query';
import type { Account } from '../settings';
import type { ProviderId } from '../provider-id';

export type AuthMethod =
  { kind: 'code'; config: CodeFlowConfig } | { kind: 'implicit'; config: ImplicitFlowConfig };

export interface SearchPage {
  /** In start order, each once. */
  events: Event[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

/** One adapter per provider: how to sign in, and how to turn its API into the common model. */
export interface Provider {
  id: ProviderId;
  auth: AuthMethod;
  /** The most API requests one `search` call makes. */
  requestsPerPage: number;
  fetchAccount(accessToken: string): Promise<Account>;
  search(
    query: SearchQuery,
    range: TimeRange,
    cursor: string | undefined,
    accessToken: string,
  ): Promise<SearchPage>;
}
