import { storage } from 'wxt/utils/storage';
import type { ProviderId } from '../settings';

/** The signed-in user's tokens: storage.local, so they survive a browser restart. Background only. */
export interface TokenSet {
  provider: ProviderId;
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; absent when the provider does not say (Eventbrite's long-lived tokens). */
  expiresAt?: number;
  /** Epoch ms: a little before expiresAt, so a request never leaves with a token about to lapse. */
  refreshAt?: number;
  /** Set while a refresh request is on the wire: found after a worker restart, its answer was lost. */
  refreshStartedAt?: number;
}

export const tokenStore = storage.defineItem<TokenSet | null>('local:tokens', { fallback: null, version: 1 });

/** Secrets of a sign-in in progress: storage.session, gone with the browser session, with a deadline. */
export interface PendingSignIn {
  provider: ProviderId;
  state: string;
  codeVerifier?: string;
  redirectUri: string;
  expiresAt: number;
}

/** Whose data the cache holds (`provider:account id`): a different account starts from an empty cache. */
export const cacheOwner = storage.defineItem<string | null>('local:cacheOwner', { fallback: null });

export const pendingSignIn = storage.defineItem<PendingSignIn | null>('session:pendingSignIn', { fallback: null });

/** Tokens as stored, or null when there are none or the record is not one we wrote. */
export async function readTokens(): Promise<TokenSet | null> {
  const value: unknown = await tokenStore.getValue();
  if (!value || typeof value !== 'object') return null;
  const tokens = value as Partial<TokenSet>;
  if (typeof tokens.accessToken !== 'string' || !tokens.accessToken || typeof tokens.provider !== 'string') return null;
  if (tokens.refreshToken !== undefined && typeof tokens.refreshToken !== 'string') return null;
  if (tokens.expiresAt !== undefined && !Number.isFinite(tokens.expiresAt)) return null;
  return tokens as TokenSet;
}
