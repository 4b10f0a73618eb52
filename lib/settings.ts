import { config } from './config';
import { EMPTY_QUERY, normalizeQuery, type SearchQuery } from './query';
import { parseProblem, type Problem } from './problem';
import { isFiniteNumber, isOneOf, isRecord } from './shape';
import { isSignInProviderId, SIGN_IN_PROVIDER_IDS, type SignInProviderId } from './provider-id';
import { defineProviderItems, defineStoredItem } from './stored-item';

// Every item is parsed when read (lib/stored-item.ts): a record of the wrong shape reads as the fallback.

/**
 * The sign-in providers this build offers: the demo provider only where the build has one (those that
 * start on it: lib/build-defaults.ts buildConfig); never in the store build.
 */
export const OFFERED_SIGN_IN_PROVIDERS: readonly SignInProviderId[] = SIGN_IN_PROVIDER_IDS.filter(
  (id) => id !== 'demo' || config.demo.issuer !== '',
);

/**
 * The sign-in provider the popup offers first ("Sign in"; the others are "Connect …"): the build's
 * default until the user signs in to one, then the last one signed in to. Null in a build with none
 * (the store build: "Choose a provider"). 0.1.0 read it as the one active provider, and still does in the
 * user's other browsers on that version, so it keeps its key and shape.
 */
export const providerSetting = defineStoredItem<SignInProviderId | null>('sync:provider', {
  // The user's choice
  clearOn: 'never',
  fallback: isSignInProviderId(config.defaultProvider) ? config.defaultProvider : null,
  version: 1,
  // Only one this build offers: another browser's dev build may have synced "demo" to a store build.
  parse: (raw) => (isOneOf(OFFERED_SIGN_IN_PROVIDERS, raw) ? raw : undefined),
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

/** A sign-in state as stored; `provider`, when given, is the only one it may name. */
export function parseAuthState(raw: unknown, provider?: SignInProviderId): AuthState | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.status === 'signed-out') {
    const problem = parseProblem(raw.problem);
    return problem ? { status: 'signed-out', problem } : { status: 'signed-out' };
  }
  if (!isSignInProviderId(raw.provider) || (provider && raw.provider !== provider)) return undefined;
  if (raw.status === 'signing-in' && isFiniteNumber(raw.until))
    return { status: 'signing-in', provider: raw.provider, until: raw.until };
  const account = parseAccount(raw.account);
  if (raw.status === 'signed-in' && account) return { status: 'signed-in', provider: raw.provider, account };
  return undefined;
}

export const SIGNED_OUT: AuthState = { status: 'signed-out' };

/** Each sign-in provider's state, `local:<provider>:authState`: several can be signed in at once. */
export const authStates = defineProviderItems<AuthState>('local', 'authState', (provider) => ({
  // Names the account; written as signed-out after the rest is cleared
  clearOn: 'session-end',
  fallback: SIGNED_OUT,
  version: 1,
  parse: (raw) => parseAuthState(raw, provider),
}));

/** Every sign-in provider's state, in SIGN_IN_PROVIDER_IDS order. */
export type AuthStates = Record<SignInProviderId, AuthState>;

export async function readAuthStates(): Promise<AuthStates> {
  const states = await Promise.all(SIGN_IN_PROVIDER_IDS.map((id) => authStates[id].getValue()));
  return Object.fromEntries(SIGN_IN_PROVIDER_IDS.map((id, index) => [id, states[index]!])) as AuthStates;
}

/** The accounts signed in now, in SIGN_IN_PROVIDER_IDS order. */
export const signedInStates = (states: AuthStates) =>
  SIGN_IN_PROVIDER_IDS.map((id) => states[id]).filter(
    (state): state is Extract<AuthState, { status: 'signed-in' }> => state.status === 'signed-in',
  );

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

/**
 * The search the user last asked for and where: a page (its own random id), the context menu or the
 * address bar. Each open side panel runs one asked for elsewhere, so it stays in step with the popup,
 * and the panel that a right-click opened picks up its search.
 */
export interface SearchRequest {
  query: SearchQuery;
  from: string;
  /** When it was asked: the same words asked for again are a change, and run again. */
  at: number;
}

// storage.session: a hand-off between open pages, not worth keeping past the browser session.
export const searchRequest = defineStoredItem<SearchRequest | null>('session:searchRequest', {
  // The user's own words, this browser's; gone with the browser session
  clearOn: 'never',
  fallback: null,
  parse: (raw) =>
    isRecord(raw) && isRecord(raw.query) && typeof raw.from === 'string' && isFiniteNumber(raw.at)
      ? { query: normalizeQuery(raw.query), from: raw.from, at: raw.at }
      : undefined,
});

/**
 * The popup's last painted results, for entrypoints/paint-snapshot.ts to paint before any module loads. It
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
