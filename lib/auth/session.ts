import * as oauth from 'oauth4webapi';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { clearAccountCache } from '../cache/db';
import { updateBadge } from '../badge';
import { hasHostAccess } from '../host-access';
import { getProvider } from '../providers';
import { ProviderError } from '../providers/provider-error';
import type { SignInProvider } from '../providers/types';
import { sessionOwner } from '../owners';
import { authStates, providerSetting, type Account, type AuthState } from '../settings';
import { SIGN_IN_PROVIDER_IDS, type SignInProviderId } from '../provider-id';
import { finishCodeFlow, refreshTokens, revokeToken, startCodeFlow, type CodeFlowConfig } from './code-flow';
import { AuthError, type AuthErrorCode } from './errors';
import { implicitAuthorizeUrl, parseImplicitCallback, type ImplicitFlowConfig } from './implicit-flow';
import { withSessionLock } from '../session-lock';
import { clearItemsOn } from '../stored-item';
import { cacheOwners, pendingSignIns, readTokens, tokenStores, type TokenSet } from './token-store';

/** How long the user has to finish in the auth window. */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;

// The flows running in this worker, one of each per provider. These say only whether a promise is alive
// here; everything a restarted worker needs is in storage.
const activeSignIns = new Map<SignInProviderId, Promise<void>>();
const activeRefreshes = new Map<SignInProviderId, Promise<TokenSet>>();

/** Runs `start` unless a run for `provider` is alive, and shares that run with every caller. */
function once<T>(
  runs: Map<SignInProviderId, Promise<T>>,
  provider: SignInProviderId,
  start: () => Promise<T>,
) {
  let run = runs.get(provider);
  if (!run) {
    run = start().finally(() => runs.delete(provider));
    runs.set(provider, run);
  }
  return run;
}

/** Maps what a flow can throw to something the user can act on. */
function toAuthError(error: unknown, onGrantError: AuthErrorCode): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AuthError(error.error === 'access_denied' ? 'denied' : 'exchange-failed', error.error);
  }
  if (error instanceof oauth.ResponseBodyError)
    return new AuthError(error.error === 'invalid_grant' ? onGrantError : 'exchange-failed', error.error);
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    return new AuthError('untrusted-response', error.message);
  }
  if (error instanceof ProviderError)
    return new AuthError(error.code === 'network' ? 'unreachable' : 'exchange-failed', error.detail);
  if (
    error instanceof TypeError ||
    (error instanceof DOMException && ['TimeoutError', 'AbortError'].includes(error.name))
  ) {
    return new AuthError('unreachable', error.message);
  }
  return new AuthError('interrupted', String(error));
}

async function launchAuthWindow(url: string, interactive: boolean): Promise<string> {
  let callback: string | undefined;
  try {
    callback = await browser.identity.launchWebAuthFlow({ url, interactive });
  } catch (error) {
    // Chrome: "The user did not approve access." Firefox: "User cancelled or denied access."
    const message = String((error as Error)?.message ?? error);
    throw new AuthError(/could not be loaded/i.test(message) ? 'unreachable' : 'cancelled', message);
  }
  if (!callback) throw new AuthError('cancelled', 'no callback URL');
  return callback;
}

/** The pending sign-in must still be this one and in time: otherwise the callback is stale. */
async function takePending(providerId: SignInProviderId, state: string) {
  const pending = await pendingSignIns[providerId].getValue();
  if (!pending || pending.state !== state || pending.expiresAt < Date.now()) {
    throw new AuthError('interrupted', 'pending sign-in missing, replaced or expired');
  }
  return pending;
}

async function codeSignIn(
  providerId: SignInProviderId,
  config: CodeFlowConfig,
  redirectUri: string,
  until: number,
): Promise<TokenSet> {
  const start = await startCodeFlow(config, redirectUri);
  await pendingSignIns[providerId].setValue({
    provider: providerId,
    state: start.state,
    codeVerifier: start.codeVerifier,
    redirectUri,
    expiresAt: until,
  });
  const callback = await launchAuthWindow(start.url, true);
  // From storage, not from memory: the record is what a restarted worker would find, and is the one
  // place the verifier lives.
  const { state, codeVerifier, redirectUri: pendingRedirectUri } = await takePending(providerId, start.state);
  if (!codeVerifier) throw new AuthError('interrupted', 'pending sign-in has no PKCE verifier');
  return finishCodeFlow(config, providerId, callback, {
    state,
    codeVerifier,
    redirectUri: pendingRedirectUri,
  });
}

/** Someone who approved the app before is sent straight back, so try without a window first. */
async function implicitSignIn(
  providerId: SignInProviderId,
  config: ImplicitFlowConfig,
  redirectUri: string,
  until: number,
  silentFirst: boolean,
): Promise<TokenSet> {
  if (!config.clientId) throw new AuthError('not-configured', 'no Eventbrite client id');
  const state = oauth.generateRandomState();
  await pendingSignIns[providerId].setValue({ provider: providerId, state, redirectUri, expiresAt: until });
  const url = implicitAuthorizeUrl(config, redirectUri, state);
  if (silentFirst) {
    try {
      const tokens = parseImplicitCallback(providerId, await launchAuthWindow(url, false), state);
      await takePending(providerId, state);
      return tokens;
    } catch {
      // Needs the user after all.
    }
  }
  const callback = await launchAuthWindow(url, true);
  await takePending(providerId, state);
  return parseImplicitCallback(providerId, callback, state);
}

async function fetchAccount(provider: SignInProvider, tokens: TokenSet): Promise<Account> {
  try {
    return await provider.fetchAccount(tokens.accessToken);
  } catch (error) {
    throw toAuthError(error, 'exchange-failed');
  }
}

async function runSignIn(providerId: SignInProviderId): Promise<void> {
  const authState = authStates[providerId];
  if (!(await hasHostAccess(providerId))) {
    await authState.setValue({ status: 'signed-out', problem: new AuthError('no-access').toProblem() });
    return;
  }
  const until = Date.now() + SIGN_IN_WINDOW_MS;
  await authState.setValue({ status: 'signing-in', provider: providerId, until });
  try {
    const provider = await getProvider(providerId);
    const redirectUri = browser.identity.getRedirectURL();
    const previousOwner = await cacheOwners[providerId].getValue();
    const tokens =
      provider.auth.kind === 'code'
        ? await codeSignIn(providerId, provider.auth.config, redirectUri, until)
        : await implicitSignIn(
            providerId,
            provider.auth.config,
            redirectUri,
            until,
            previousOwner?.startsWith(`${providerId}:`) ?? false,
          );
    const account = await fetchAccount(provider, tokens);
    const owner = sessionOwner(providerId, account);
    if (previousOwner !== owner) await clearAccountCache(providerId);
    // One write: the tokens and the state that names their account land together or not at all.
    await storage.setItems([
      { item: tokenStores[providerId].storageItem, value: tokens },
      { item: cacheOwners[providerId].storageItem, value: owner },
      {
        item: authState.storageItem,
        value: { status: 'signed-in', provider: providerId, account } satisfies AuthState,
      },
    ]);
    // The one offered first from now on, and what the user's browsers still on 0.1.0 use.
    await providerSetting.setValue(providerId);
  } catch (error) {
    const problem = toAuthError(error, 'exchange-failed');
    if (problem.detail) console.warn(`Event Scout: sign-in failed (${problem.code}): ${problem.detail}`);
    await authState.setValue({ status: 'signed-out', problem: problem.toProblem() });
  } finally {
    await pendingSignIns[providerId].removeValue();
  }
}

/**
 * Signs in to `provider`, beside any other provider already signed in. One flow at a time for each;
 * callers follow its `authStates` item.
 */
export function signIn(provider: SignInProviderId): Promise<void> {
  return once(activeSignIns, provider, () => runSignIn(provider));
}

/**
 * A flow that was running in a worker that has since stopped can never receive its callback.
 * Called when a worker starts (before it handles messages) and whenever a page asks.
 */
export async function abandonDeadSignIns(): Promise<void> {
  await Promise.all(
    SIGN_IN_PROVIDER_IDS.map(async (provider) => {
      if (activeSignIns.has(provider)) return;
      if ((await authStates[provider].getValue()).status !== 'signing-in') return;
      await pendingSignIns[provider].removeValue();
      await authStates[provider].setValue({
        status: 'signed-out',
        problem: new AuthError('interrupted', 'the worker that ran it stopped').toProblem(),
      });
    }),
  );
}

/**
 * Every way a provider's session ends comes here (Sign out in the popup or options, a server that
 * refuses the tokens) and leaves nothing of that account behind: its stored items and the shared ones
 * declared `session-end` (lib/stored-item.ts), its share of the cache with its sync state, and its share
 * of the badge. Other providers stay signed in with theirs. `problem` says why it ended when the user did
 * not ask for it.
 */
function endSession(provider: SignInProviderId, problem?: AuthErrorCode): Promise<void> {
  return withSessionLock(async () => {
    const wiped = await Promise.allSettled([
      clearItemsOn('session-end', provider),
      clearAccountCache(provider).then(() => updateBadge()),
    ]);
    for (const result of wiped)
      if (result.status === 'rejected')
        console.error('Event Scout: clearing a session failed', result.reason);
    await authStates[provider].setValue(
      problem ? { status: 'signed-out', problem: { code: problem } } : { status: 'signed-out' },
    );
  });
}

/** The provider no longer accepts this session: it ends, and the caller learns why. */
async function sessionExpired(provider: SignInProviderId, detail: string): Promise<never> {
  await endSession(provider, 'session-expired');
  throw new AuthError('session-expired', detail);
}

function codeConfigFor(provider: SignInProvider): CodeFlowConfig | undefined {
  return provider.auth.kind === 'code' ? provider.auth.config : undefined;
}

async function runRefresh(providerId: SignInProviderId): Promise<TokenSet> {
  const tokenStore = tokenStores[providerId];
  const tokens = await readTokens(providerId);
  if (!tokens) throw new AuthError('not-signed-in');
  if (!needsRefresh(tokens)) return tokens;
  // Rotation means a refresh token works once: if an earlier refresh's answer was lost, the old
  // token may already be spent, and sending it again would revoke the grant. Never replay it.
  if (tokens.refreshStartedAt) return sessionExpired(providerId, 'an earlier refresh was interrupted');
  const config = codeConfigFor(await getProvider(tokens.provider));
  if (!tokens.refreshToken || !config)
    return sessionExpired(providerId, 'access token expired, nothing to refresh it with');
  if (globalThis.navigator?.onLine === false) throw new AuthError('offline');

  await tokenStore.setValue({ ...tokens, refreshStartedAt: Date.now() });
  let fresh: TokenSet;
  try {
    fresh = await refreshTokens(config, { ...tokens, refreshToken: tokens.refreshToken });
  } catch (error) {
    if (refusedWithoutSpending(error)) {
      await tokenStore.setValue(tokens);
      throw new AuthError('exchange-failed', String(error));
    }
    const reason = error instanceof oauth.ResponseBodyError ? error.error : `answer lost: ${String(error)}`;
    return sessionExpired(providerId, reason);
  }
  // The rotated refresh token is stored before anything else happens.
  await tokenStore.setValue(fresh);
  return fresh;
}

/** The server answered with an error other than invalid_grant: the refresh token is unspent, try later. */
function refusedWithoutSpending(error: unknown): boolean {
  if (error instanceof oauth.ResponseBodyError) return error.error !== 'invalid_grant';
  if (error instanceof oauth.WWWAuthenticateChallengeError) return true;
  return (
    error instanceof oauth.OperationProcessingError &&
    error.code === oauth.RESPONSE_IS_NOT_CONFORM &&
    error.cause instanceof Response &&
    error.cause.status !== 200
  );
}

function needsRefresh(tokens: TokenSet): boolean {
  return tokens.refreshAt !== undefined && Date.now() >= tokens.refreshAt;
}

/** A valid access token for `provider`, refreshed first when due. Concurrent callers share one refresh. */
export async function getAccessToken(provider: SignInProviderId): Promise<string> {
  const tokens = await readTokens(provider);
  if (!tokens) throw new AuthError('not-signed-in');
  if (!needsRefresh(tokens)) return tokens.accessToken;
  return (await once(activeRefreshes, provider, () => runRefresh(provider))).accessToken;
}

/**
 * The API refused `rejected` (INVALID_AUTH): a refresh for the code flow; for Eventbrite's
 * client-side flow a window-less re-authorization, which succeeds for a user who approved the app
 * before. Either way at most once; otherwise the session ends with "sign in again".
 */
export async function renewRejectedToken(providerId: SignInProviderId, rejected: string): Promise<string> {
  const tokens = await readTokens(providerId);
  if (!tokens) throw new AuthError('not-signed-in');
  if (tokens.accessToken !== rejected) return tokens.accessToken; // someone renewed it meanwhile
  const provider = await getProvider(providerId);
  if (provider.auth.kind === 'code' && tokens.refreshToken) {
    await tokenStores[providerId].setValue({ ...tokens, refreshAt: 0 });
    return getAccessToken(providerId);
  }
  if (provider.auth.kind === 'implicit' && provider.auth.config.clientId) {
    const state = oauth.generateRandomState();
    try {
      const url = implicitAuthorizeUrl(provider.auth.config, browser.identity.getRedirectURL(), state);
      const renewed = parseImplicitCallback(providerId, await launchAuthWindow(url, false), state);
      await tokenStores[providerId].setValue(renewed);
      return renewed.accessToken;
    } catch (error) {
      return sessionExpired(providerId, `silent re-authorization failed: ${String(error)}`);
    }
  }
  return sessionExpired(providerId, 'token rejected and nothing to renew it with');
}

/**
 * Revokes the grant at the provider (RFC 7009), then removes that provider's tokens, cache and badge
 * share, whatever the server said: a sign-out never leaves private data behind.
 */
export async function signOut(provider: SignInProviderId): Promise<void> {
  const tokens = await readTokens(provider);
  try {
    const config = tokens && codeConfigFor(await getProvider(provider));
    if (tokens && config) {
      await revokeToken(
        config,
        tokens.refreshToken ?? tokens.accessToken,
        tokens.refreshToken ? 'refresh_token' : 'access_token',
      );
    }
  } catch (error) {
    console.warn('Event Scout: revocation failed, signing out locally anyway:', (error as Error)?.name);
  }
  await endSession(provider);
}
