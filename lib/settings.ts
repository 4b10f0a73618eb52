import { config } from './config';
import { EMPTY_QUERY, normalizeQuery, type SearchQuery } from './query';
import { isFiniteNumber, isOneOf, isRecord, isStringArray } from './shape';
import { isProviderId, type ProviderId } from './provider-id';
import { defineStoredItem } from './stored-item';

// Every item is parsed when read (lib/stored-item.ts): a record of the wrong shape reads as the fallback.

/** The active provider; null until the user picks one (a store build asks on first run). */
export const providerSetting = defineStoredItem<ProviderId | null>('sync:provider', {
  fallback: isProviderId(config.defaultProvider) ? config.defaultProvider : null,
  version: 1,
  parse: (raw) => (isProviderId(raw) ? raw : undefined),
});

export interface EventbriteSettings {
  /** Overrides the build's WXT_EVENTBRITE_CLIENT_ID when set. */
  clientId: string;
  organizerIds: string[];
}

export const eventbriteSettings = defineStoredItem<EventbriteSettings>('sync:eventbrite', {
  fallback: { clientId: '', organizerIds: [] },
  version: 1,
  parse: (raw) =>
    isRecord(raw) && typeof raw.clientId === 'string' && isStringArray(raw.organizerIds)
      ? { clientId: raw.clientId, organizerIds: raw.organizerIds }
      : undefined,
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

function parseAccount(raw: unknown): Account | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string') return undefined;
  return { id: raw.id, name: raw.name, ...(typeof raw.email === 'string' ? { email: raw.email } : {}) };
}

export function parseAuthState(raw: unknown): AuthState | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.status === 'signed-out') {
    const problem =
      isRecord(raw.problem) && typeof raw.problem.code === 'string' && typeof raw.problem.message === 'string'
        ? { code: raw.problem.code, message: raw.problem.message }
        : undefined;
    return problem ? { status: 'signed-out', problem } : { status: 'signed-out' };
  }
  if (!isProviderId(raw.provider)) return undefined;
  if (raw.status === 'signing-in' && isFiniteNumber(raw.until))
    return { status: 'signing-in', provider: raw.provider, until: raw.until };
  const account = parseAccount(raw.account);
  if (raw.status === 'signed-in' && account) return { status: 'signed-in', provider: raw.provider, account };
  return undefined;
}

export const authState = defineStoredItem<AuthState>('local:authState', {
  fallback: { status: 'signed-out' },
  version: 1,
  parse: parseAuthState,
});

export interface SearchSettings {
  /** How long cached results count as fresh before they are revalidated. */
  cacheTtlMinutes: number;
}

export const searchSettings = defineStoredItem<SearchSettings>('sync:search', {
  fallback: { cacheTtlMinutes: 15 },
  version: 1,
  parse: (raw) =>
    isRecord(raw) && isFiniteNumber(raw.cacheTtlMinutes) && raw.cacheTtlMinutes >= 0
      ? { cacheTtlMinutes: raw.cacheTtlMinutes }
      : undefined,
});

/** The popup reopens on the last query it ran. Not secret, not synced: it is this browser's. */
export const lastQuery = defineStoredItem<SearchQuery>('local:lastQuery', {
  fallback: EMPTY_QUERY,
  version: 1,
  parse: (raw) => (isRecord(raw) ? normalizeQuery(raw) : undefined),
});

export const SYNC_INTERVAL_RANGE = { min: 15, max: 240 } as const;

export interface SyncSettings {
  /** How often saved searches are refreshed in the background. */
  intervalMinutes: number;
  /** Opt-in; needs the optional `notifications` permission. */
  notifications: boolean;
}

export const syncSettings = defineStoredItem<SyncSettings>('sync:syncSettings', {
  fallback: { intervalMinutes: 30, notifications: false },
  version: 1,
  parse: (raw) => {
    if (!isRecord(raw) || !Number.isInteger(raw.intervalMinutes) || typeof raw.notifications !== 'boolean')
      return undefined;
    const intervalMinutes = raw.intervalMinutes as number;
    if (intervalMinutes < SYNC_INTERVAL_RANGE.min || intervalMinutes > SYNC_INTERVAL_RANGE.max)
      return undefined;
    return { intervalMinutes, notifications: raw.notifications };
  },
});

const SYNC_OUTCOMES = [
  'synced',
  'offline',
  'signed-out',
  'rate-limited',
  'over-budget',
  'failed',
  'nothing-saved',
] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/** How the last sync cycle ended, for the options page and the popup. */
export interface SyncStatus {
  at: number;
  outcome: SyncOutcome;
  message: string;
  /** New events the cycle found. */
  found: number;
}

export const syncStatus = defineStoredItem<SyncStatus | null>('local:syncStatus', {
  fallback: null,
  version: 1,
  parse: (raw) =>
    isRecord(raw) &&
    isFiniteNumber(raw.at) &&
    isOneOf(SYNC_OUTCOMES, raw.outcome) &&
    typeof raw.message === 'string' &&
    isFiniteNumber(raw.found)
      ? { at: raw.at, outcome: raw.outcome, message: raw.message, found: raw.found }
      : undefined,
});
