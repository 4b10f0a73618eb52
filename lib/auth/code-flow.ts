import * as oauth from 'oauth4webapi';
import type { SignInProviderId } from '../provider-id';
import { fetchWithRetry } from '../retry-policy';
import { isLoopbackUrl, secureEndpoint } from './endpoint';
import { AuthError } from './errors';
import { tokenTimes } from './token-lifetime';
import type { TokenSet } from './token-store';

/** Authorization code + PKCE (S256) + state + RFC 9207 iss, refresh with rotation, RFC 7009 revocation. */
export interface CodeFlowConfig {
  issuer: string;
  clientId: string;
  scope: string;
}

/**
 * Plain http is allowed for a loopback issuer (the demo provider) and refused everywhere else; every
 * request goes through the retry policy (discovery may be retried, the grants and revocation never are).
 */
function requestOptions(issuer: URL) {
  return {
    [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && isLoopbackUrl(issuer),
    [oauth.customFetch]: fetchWithRetry,
  };
}

function issuerUrl(config: CodeFlowConfig): URL {
  return secureEndpoint(config.issuer, 'issuer');
}

const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

/** Server metadata, fetched once per worker lifetime; a failed discovery is forgotten so it is retried. */
export function discover(config: CodeFlowConfig): Promise<oauth.AuthorizationServer> {
  const issuer = issuerUrl(config);
  let metadata = discovered.get(issuer.href);
  if (!metadata) {
    metadata = oauth
      .discoveryRequest(issuer, { ...requestOptions(issuer), algorithm: 'oidc' })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    metadata.catch(() => discovered.delete(issuer.href));
    discovered.set(issuer.href, metadata);
  }
  return metadata;
}

export function forgetDiscovery(): void {
  discovered.clear();
}

export interface CodeFlowStart {
  url: string;
  state: string;
  codeVerifier: string;
}

export async function startCodeFlow(config: CodeFlowConfig, redirectUri: string): Promise<CodeFlowStart> {
  const as = await discover(config);
  if (!as.authorization_endpoint) throw new AuthError('untrusted-response', 'no authorization_endpoint');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.href, state, codeVerifier };
}

function toTokenSet(
  provider: SignInProviderId,
  response: oauth.TokenEndpointResponse,
  previousRefreshToken?: string,
): TokenSet {
  if (response.token_type.toLowerCase() !== 'bearer') {
    throw new AuthError('untrusted-response', `token_type ${response.token_type}`);
  }
  return {
    provider,
    accessToken: response.access_token,
    // Without rotation the server keeps the old refresh token valid.
    refreshToken: response.refresh_token ?? previousRefreshToken,
    ...tokenTimes(response.expires_in),
  };
}

/** Checks the callback (state, iss, error) and redeems the code with the PKCE verifier. */
export async function finishCodeFlow(
  config: CodeFlowConfig,
  provider: SignInProviderId,
  callbackUrl: string,
  pending: { state: string; codeVerifier: string; redirectUri: string },
): Promise<TokenSet> {
  const as = await discover(config);
  const client: oauth.Client = { client_id: config.clientId };
  const params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    pending.redirectUri,
    pending.codeVerifier,
    requestOptions(issuerUrl(config)),
  );
  return toTokenSet(provider, await oauth.processAuthorizationCodeResponse(as, client, response));
}

export async function refreshTokens(
  config: CodeFlowConfig,
  tokens: TokenSet & { refreshToken: string },
): Promise<TokenSet> {
  const as = await discover(config);
  const client: oauth.Client = { client_id: config.clientId };
  const response = await oauth.refreshTokenGrantRequest(
    as,
    client,
    oauth.None(),
    tokens.refreshToken,
    requestOptions(issuerUrl(config)),
  );
  return toTokenSet(
    tokens.provider,
    await oauth.processRefreshTokenResponse(as, client, response),
    tokens.refreshToken,
  );
}

/** RFC 7009: revoking the refresh token ends the grant, and with it every access token it issued. */
export async function revokeToken(
  config: CodeFlowConfig,
  token: string,
  hint: 'refresh_token' | 'access_token',
): Promise<void> {
  const as = await discover(config);
  const client: oauth.Client = { client_id: config.clientId };
  const response = await oauth.revocationRequest(as, client, oauth.None(), token, {
    ...requestOptions(issuerUrl(config)),
    additionalParameters: { token_type_hint: hint },
  });
  await oauth.processRevocationResponse(response);
}
