import { isSignInProviderId, type SignInProviderId } from '../provider-id';
import { isFiniteNumber, isRecord } from '../shape';
import { defineStoredItem } from '../stored-item';

/** The signed-in user's tokens: storage.local, so they survive a browser restart. Background only. */
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

export const tokenStore = defineStoredItem<TokenSet | null>('local:tokens', {
  clearOn: 'session-end',
  fallback: null,
  version: 1,
  parse: parseTokenSet,
});

/** Secrets of a sign-in in progress: storage.session, gone with the browser session, with a deadline. */
export interface PendingSignIn {
  provider: SignInProviderId;
  state: string;
  codeVerifier?: string;
  redirectUri: string;
  expiresAt: number;
}

/** Whose data the cache holds (`provider:account id`): a different account starts from an empty cache. */
export const cacheOwner = defineStoredItem<string | null>('local:cacheOwner', {
  clearOn: 'session-end',
  fallback: null,
  parse: (raw) => (typeof raw === 'string' ? raw : undefined),
});

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

export const pendingSignIn = defineStoredItem<PendingSignIn | null>('session:pendingSignIn', {
  clearOn: 'session-end',
  fallback: null,
  parse: parsePendingSignIn,
});

/** Tokens as stored, or null when there are none or the record is not one we wrote. */
export const readTokens = (): Promise<TokenSet | null> => tokenStore.getValue();
