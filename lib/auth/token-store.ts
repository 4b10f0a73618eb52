import { isSignInProviderId, type SignInProviderId } from '../provider-id';
import { isFiniteNumber, isRecord } from '../shape';
import { defineProviderItems } from '../stored-item';

/** A signed-in account's tokens: storage.local, so they survive a browser restart. Background only. */
export interface TokenSet {
  provider: SignInProviderId;
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; absent when the provider does not say (Eventbrite's long-lived tokens). */
  expiresAt?: number;
  /** Epoch ms: a little before expiresAt, so a request never leaves with a token about to lapse. */
  refreshAt?: number;
  /** Set while a refresh request is on the wire: found after a worker restart, its answer was lost. */
  refreshStartedAt?: number;
}

const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;

/** Tokens as we wrote them, or undefined: a record of another shape is never sent anywhere. */
export function parseTokenSet(raw: unknown): TokenSet | undefined {
  if (!isRecord(raw) || !isSignInProviderId(raw.provider) || !isText(raw.accessToken)) return undefined;
  if (
    !optional(raw.refreshToken, isText) ||
    ![raw.expiresAt, raw.refreshAt, raw.refreshStartedAt].every((time) => optional(time, isFiniteNumber))
  )
    return undefined;
  const tokens: TokenSet = { provider: raw.provider, accessToken: raw.accessToken as string };
  if (raw.refreshToken !== undefined) tokens.refreshToken = raw.refreshToken as string;
  if (raw.expiresAt !== undefined) tokens.expiresAt = raw.expiresAt as number;
  if (raw.refreshAt !== undefined) tokens.refreshAt = raw.refreshAt as number;
  if (raw.refreshStartedAt !== undefined) tokens.refreshStartedAt = raw.refreshStartedAt as number;
  return tokens;
}

/** Each sign-in provider's tokens, `local:<provider>:tokens`. */
export const tokenStores = defineProviderItems<TokenSet | null>('local', 'tokens', (provider) => ({
  clearOn: 'session-end',
  fallback: null,
  version: 1,
  // Written for another provider (edited by hand): never sent to this one.
  parse: (raw) => {
    const tokens = parseTokenSet(raw);
    return tokens?.provider === provider ? tokens : undefined;
  },
}));

/** Secrets of a sign-in in progress: storage.session, gone with the browser session, with a deadline. */
export interface PendingSignIn {
  provider: SignInProviderId;
  state: string;
  codeVerifier?: string;
  redirectUri: string;
  expiresAt: number;
}

/**
 * Whose data the cache holds for each sign-in provider (`provider:account id`): another account of that
 * provider starts from an empty share of the cache.
 */
export const cacheOwners = defineProviderItems<string | null>('local', 'cacheOwner', () => ({
  clearOn: 'session-end',
  fallback: null,
  parse: (raw) => (typeof raw === 'string' ? raw : undefined),
}));

function parsePendingSignIn(raw: unknown): PendingSignIn | undefined {
  if (
    !isRecord(raw) ||
    !isSignInProviderId(raw.provider) ||
    !isText(raw.state) ||
    typeof raw.redirectUri !== 'string' ||
    !isFiniteNumber(raw.expiresAt)
  )
    return undefined;
  if (!optional(raw.codeVerifier, isText)) return undefined;
  const { provider, state, codeVerifier, redirectUri, expiresAt } = raw as unknown as PendingSignIn;
  return { provider, state, redirectUri, expiresAt, ...(codeVerifier ? { codeVerifier } : {}) };
}

/** Each sign-in provider's sign-in in progress, `session:<provider>:pendingSignIn`: one at a time each. */
export const pendingSignIns = defineProviderItems<PendingSignIn | null>(
  'session',
  'pendingSignIn',
  (provider) => ({
    clearOn: 'session-end',
    fallback: null,
    parse: (raw) => {
      const pending = parsePendingSignIn(raw);
      return pending?.provider === provider ? pending : undefined;
    },
  }),
);

/** A provider's tokens as stored, or null when there are none or the record is not one we wrote for it. */
export const readTokens = (provider: SignInProviderId): Promise<TokenSet | null> =>
  tokenStores[provider].getValue();
