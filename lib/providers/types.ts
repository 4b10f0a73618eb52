import type { CodeFlowConfig } from '../auth/code-flow';
import type { ImplicitFlowConfig } from '../auth/implicit-flow';
import type { Event } from '../event';
import type { SearchQuery, TimeRange } from '../query';
import type { Account } from '../settings';
import type { ProviderId, SignInProviderId } from '../provider-id';
import type { RetryHooks } from '../retry-policy';

export type AuthMethod =
  { kind: 'code'; config: CodeFlowConfig } | { kind: 'implicit'; config: ImplicitFlowConfig };

export interface SearchPage {
  /** In start order, each once. */
  events: Event[];
  /** Opaque; absent on the last page. */
  cursor?: string;
  /** What the provider said of its quota with this answer, where it says (Ticketmaster). */
  quota?: QuotaReading;
}

/** A provider's quota as its answer reports it (Ticketmaster's Rate-Limit, -Available and -Reset headers). */
export interface QuotaReading {
  limit: number;
  available: number;
  /** When the quota is whole again, epoch ms. */
  reset: number;
}

/** What the caller adds to every request a search sends: background sync books each attempt in its budget. */
export type RequestHooks = Pick<RetryHooks, 'beforeAttempt'>;

/** How a provider's API turns into the common model. */
export interface SearchProvider {
  id: ProviderId;
  /** `credential` is an access token (OAuth providers) or an API key (Ticketmaster). */
  search(
    query: SearchQuery,
    range: TimeRange,
    cursor: string | undefined,
    credential: string,
    hooks?: RequestHooks,
  ): Promise<SearchPage>;
  /**
   * One event read afresh by its id (the daily re-read of Interested events), or null when the provider
   * no longer lists it (404).
   */
  eventById(id: string, credential: string, hooks?: RequestHooks): Promise<Event | null>;
}

/** A provider signed in to with OAuth: how to sign in, and whose account it is. */
export interface SignInProvider extends SearchProvider {
  id: SignInProviderId;
  auth: AuthMethod;
  fetchAccount(accessToken: string): Promise<Account>;
}
