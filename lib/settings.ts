import { config } from './config';
import { EMPTY_QUERY, normalizeQuery, type SearchQuery } from './query';
import { parseProblem, type Problem } from './problem';
import { isFiniteNumber, isOneOf, isRecord, isStringArray } from './shape';
import { isSignInProviderId, type SignInProviderId } from './provider-id';
import { defineStoredItem } from './stored-item';

// Every item is parsed when read (lib/stored-item.ts): a record of the wrong shape reads as the fallback.

/** The active provider; null until the user picks one (a store build asks on first run). */
export const providerSetting = defineStoredItem<SignInProviderId | null>('sync:provider', {
  // The user's choice
  clearOn: 'never',
  fallback: isSignInProviderId(config.defaultProvider) ? config.defaultProvider : null,
  version: 1,
  parse: (raw) => (isSignInProviderId(raw) ? raw : undefined),
});

export interface EventbriteSettings {
  /** Overrides the build's WXT_EVENTBRITE_CLIENT_ID when set. */
  clientId: string;
  organizerIds: string[];
}

export const eventbriteSettings = defineStoredItem<EventbriteSettings>('sync:eventbrite', {
  // The user's settings
  clearOn: 'never',
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

/**
 * What the popup and options page show about signing in. Public: no secrets here, tokens live in
 * lib/auth/token-store.ts. `signing-in` carries its own deadline so that no page ever shows
 * "Signing in…" for a flow that died with its worker.
 */
export type AuthState =
  | { status: 'signed-out'; problem?: Problem }
  | { status: 'signing-in'; provider: SignInProviderId; until: number }
  | { status: 'signed-in'; provider: SignInProviderId; account: Account };

function parseAccount(raw: unknown): Account | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string') return undefined;
  return { id: raw.id, name: raw.name, ...(typeof raw.email === 'string' ? { email: raw.email } : {}) };
}

export function parseAuthState(raw: unknown): AuthState | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.status === 'signed-out') {
    const problem = parseProblem(raw.problem);
    return problem ? { status: 'signed-out', problem } : { status: 'signed-out' };
  }
  if (!isSignInProviderId(raw.provider)) return undefined;
  if (raw.status === 'signing-in' && isFiniteNumber(raw.until))
    return { status: 'signing-in', provider: raw.provider, until: raw.until };
  const account = parseAccount(raw.account);
  if (raw.status === 'signed-in' && account) return { status: 'signed-in', provider: raw.provider, account };
  return undefined;
}

/** v1 stored the problem's English sentence beside its code; v2 keeps the code alone. */
function dropProblemMessage(old: unknown): unknown {
  if (!isRecord(old) || !isRecord(old.problem)) return old;
  const { message: _message, ...problem } = old.problem;
  return { ...old, problem };
}

export const authState = defineStoredItem<AuthState>('local:authState', {
  // Names the account; written as signed-out after the rest is cleared
  clearOn: 'session-end',
  fallback: { status: 'signed-out' },
  version: 2,
  migrations: { 2: dropProblemMessage },
  parse: parseAuthState,
});

export interface SearchSettings {
  /** How long cached results count as fresh before they are revalidated. */
  cacheTtlMinutes: number;
}

export const searchSettings = defineStoredItem<SearchSettings>('sync:search', {
  // The user's settings
  clearOn: 'never',
  fallback: { cacheTtlMinutes: 15 },
  version: 1,
  parse: (raw) =>
    isRecord(raw) && isFiniteNumber(raw.cacheTtlMinutes) && raw.cacheTtlMinutes >= 0
      ? { cacheTtlMinutes: raw.cacheTtlMinutes }
      : undefined,
});

/** The popup reopens on the last query it ran. Not secret, not synced: it is this browser's. */
export const lastQuery = defineStoredItem<SearchQuery>('local:lastQuery', {
  // The user's own words, this browser's
  clearOn: 'never',
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
  // The user's settings
  clearOn: 'never',
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

/**
 * How the last sync cycle ended, for the options page and the popup: `synced`, or the problem that
 * stopped it (lib/problem.ts), with what it had found by then.
 */
export interface SyncStatus {
  at: number;
  outcome: { code: 'synced' } | Problem;
  /** New events the cycle found. */
  found: number;
}

/** v1's outcomes, as v2's codes. */
const V1_OUTCOMES: Record<string, SyncStatus['outcome']['code']> = {
  synced: 'synced',
  offline: 'offline',
  'signed-out': 'not-signed-in',
  'rate-limited': 'rate-limit',
  'over-budget': 'over-budget',
  failed: 'failed',
  'nothing-saved': 'nothing-saved',
};

/** v1 stored an outcome name and an English sentence; v2 stores a code (and its parameters). */
function outcomeAsCode(old: unknown): unknown {
  if (!isRecord(old) || typeof old.outcome !== 'string') return old;
  const { message: _message, outcome, ...rest } = old;
  return { ...rest, outcome: { code: V1_OUTCOMES[outcome] ?? 'failed' } };
}

function parseOutcome(raw: unknown): SyncStatus['outcome'] | undefined {
  return isRecord(raw) && raw.code === 'synced' ? { code: 'synced' } : parseProblem(raw);
}

export const syncStatus = defineStoredItem<SyncStatus | null>('local:syncStatus', {
  // How the account's last sync went
  clearOn: 'session-end',
  fallback: null,
  version: 2,
  migrations: { 2: outcomeAsCode },
  parse: (raw) => {
    if (!isRecord(raw) || !isFiniteNumber(raw.at) || !isFiniteNumber(raw.found)) return undefined;
    const outcome = parseOutcome(raw.outcome);
    return outcome ? { at: raw.at, outcome, found: raw.found } : undefined;
  },
});

/** Whose data something is: the provider and the account id, as the cache and the snapshot record it. */
export const sessionOwner = (provider: SignInProviderId, account: Pick<Account, 'id'>): string =>
  `${provider}:${account.id}`;

/**
 * Whose Ticketmaster results are written: the key's, since a search with another key may see another
 * quota and must not be mixed in; undefined without a key.
 */
export const ticketmasterOwner = (connection: TicketmasterConnection): string | undefined =>
  connection.source === 'own'
    ? `ticketmaster:own:${connection.ending}`
    : connection.source === 'built-in'
      ? 'ticketmaster:built-in'
      : undefined;

/**
 * The popup's last painted results, for public/paint-snapshot.js to paint before any module loads. It
 * holds titles and the account name, so it is the account's; it says whose it is and the language and
 * time zone it was painted in, and is painted for nothing else.
 */
export interface PopupSnapshot {
  owner: string;
  language: string;
  timeZone: string;
  html: string;
  /** Epoch ms after which it is not painted: the shortest time any provider shown lets its content be kept. */
  expiresAt: number;
}

// storage.session: in memory, read in well under a millisecond where storage.local takes several for
// this size (measured), and gone with the browser session, which is long enough for a snapshot.
export const popupSnapshot = defineStoredItem<PopupSnapshot | null>('session:popupSnapshot', {
  clearOn: 'session-end',
  fallback: null,
  parse: (raw) =>
    isRecord(raw) &&
    typeof raw.owner === 'string' &&
    typeof raw.language === 'string' &&
    typeof raw.timeZone === 'string' &&
    typeof raw.html === 'string' &&
    isFiniteNumber(raw.expiresAt)
      ? {
          owner: raw.owner,
          language: raw.language,
          timeZone: raw.timeZone,
          html: raw.html,
          expiresAt: raw.expiresAt,
        }
      : undefined,
});

/**
 * What the pages may know of the Ticketmaster key (lib/ticketmaster-key.ts keeps the key itself): whose it
 * is, and its last characters to recognise it by.
 */
export type TicketmasterConnection =
  { source: 'own'; ending: string } | { source: 'built-in' } | { source: 'none' };

const SOURCES = ['own', 'built-in', 'none'] as const;

export const ticketmasterConnection = defineStoredItem<TicketmasterConnection>(
  'local:ticketmasterConnection',
  {
    clearOn: 'key-removed',
    fallback: config.ticketmaster.builtInKey ? { source: 'built-in' } : { source: 'none' },
    version: 1,
    parse: (raw) => {
      if (!isRecord(raw) || !isOneOf(SOURCES, raw.source)) return undefined;
      if (raw.source !== 'own') return { source: raw.source };
      return typeof raw.ending === 'string' ? { source: 'own', ending: raw.ending } : undefined;
    },
  },
);

/**
 * Whose results the popup's snapshot shows: the signed-in account and the user's own Ticketmaster key,
 * as public/paint-snapshot.js can tell from storage (a built-in key is the build's, the same for every
 * snapshot); null when neither is there.
 */
export function snapshotOwner(auth: AuthState, connection: TicketmasterConnection): string | null {
  const owners = [
    auth.status === 'signed-in' ? sessionOwner(auth.provider, auth.account) : null,
    connection.source === 'own' ? ticketmasterOwner(connection) : null,
  ].filter((owner) => owner !== null);
  return owners.length ? owners.join(' ') : null;
}
