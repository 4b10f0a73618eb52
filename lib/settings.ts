import { storage } from 'wxt/utils/storage';
import { config } from './config';
import { EMPTY_QUERY, type SearchQuery } from './query';

export const PROVIDER_IDS = ['demo', 'eventbrite'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return PROVIDER_IDS.includes(value as ProviderId);
}

/** The active provider; null until the user picks one (a store build asks on first run). */
export const providerSetting = storage.defineItem<ProviderId | null>('sync:provider', {
  fallback: isProviderId(config.defaultProvider) ? config.defaultProvider : null,
  version: 1,
});

export interface EventbriteSettings {
  /** Overrides the build's WXT_EVENTBRITE_CLIENT_ID when set. */
  clientId: string;
  organizerIds: string[];
}

export const eventbriteSettings = storage.defineItem<EventbriteSettings>('sync:eventbrite', {
  fallback: { clientId: '', organizerIds: [] },
  version: 1,
});

export interface Account {
  id: string;
  name: string;
  email?: string;
}

export interface AuthProblem {
  code: string;
  message: string;
}

/**
 * What the popup and options page show about signing in. Public: no secrets here, tokens live in
 * lib/auth/token-store.ts. `signing-in` carries its own deadline so that no page ever shows
 * "Signing in…" for a flow that died with its worker.
 */
export type AuthState =
  | { status: 'signed-out'; problem?: AuthProblem }
  | { status: 'signing-in'; provider: ProviderId; until: number }
  | { status: 'signed-in'; provider: ProviderId; account: Account };

export const authState = storage.defineItem<AuthState>('local:authState', {
  fallback: { status: 'signed-out' },
  version: 1,
});

export interface SearchSettings {
  /** How long cached results count as fresh before they are revalidated. */
  cacheTtlMinutes: number;
}

export const searchSettings = storage.defineItem<SearchSettings>('sync:search', {
  fallback: { cacheTtlMinutes: 15 },
  version: 1,
});

/** The popup reopens on the last query it ran. Not secret, not synced: it is this browser's. */
export const lastQuery = storage.defineItem<SearchQuery>('local:lastQuery', { fallback: EMPTY_QUERY, version: 1 });

export const SYNC_INTERVAL_RANGE = { min: 15, max: 240 } as const;

export interface SyncSettings {
  /** How often saved searches are refreshed in the background. */
  intervalMinutes: number;
  /** Opt-in; needs the optional `notifications` permission. */
  notifications: boolean;
}

export const syncSettings = storage.defineItem<SyncSettings>('sync:syncSettings', {
  fallback: { intervalMinutes: 30, notifications: false },
  version: 1,
});

export type SyncOutcome = 'synced' | 'offline' | 'signed-out' | 'rate-limited' | 'over-budget' | 'failed' | 'nothing-saved';

/** How the last sync cycle ended, for the options page and the popup. */
export interface SyncStatus {
  at: number;
  outcome: SyncOutcome;
  message: string;
  /** New events the cycle found. */
  found: number;
}

export const syncStatus = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null, version: 1 });
