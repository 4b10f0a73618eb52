import type { SignInProviderId } from '../provider-id';
import { secureEndpoint } from './endpoint';
import { AuthError } from './errors';
import { tokenTimes } from './token-lifetime';
import type { TokenSet } from './token-store';

/**
 * The client-side flow Eventbrite offers public clients (`response_type=token`): no client secret,
 * no PKCE, no refresh token. The token may come back in the fragment or in the query, and `state`
 * may not be echoed, so it is checked when present.
 */
export interface ImplicitFlowConfig {
  authorizeUrl: string;
  clientId: string;
}

export function implicitAuthorizeUrl(config: ImplicitFlowConfig, redirectUri: string, state: string): string {
  const url = secureEndpoint(config.authorizeUrl, 'authorize URL');
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.href;
}

function callbackParameters(callbackUrl: string): URLSearchParams {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new AuthError('untrusted-response', 'callback is not a URL');
  }
  const fragment = new URLSearchParams(url.hash.slice(1));
  return fragment.has('access_token') || fragment.has('error') ? fragment : url.searchParams;
}

/** Reads the token from an implicit-flow callback, or throws an AuthError saying why not. */
export function parseImplicitCallback(
  provider: SignInProviderId,
  callbackUrl: string,
  expectedState: string,
): TokenSet {
  const params = callbackParameters(callbackUrl);
  const state = params.get('state');
  if (state !== null && state !== expectedState) throw new AuthError('untrusted-response', 'state mismatch');

  const error = params.get('error');
  if (error) throw new AuthError(error === 'access_denied' ? 'denied' : 'exchange-failed', error);

  const accessToken = params.get('access_token');
  if (!accessToken) throw new AuthError('untrusted-response', 'no access_token in callback');
  const tokenType = params.get('token_type');
  if (tokenType && tokenType.toLowerCase() !== 'bearer')
    throw new AuthError('untrusted-response', `token_type ${tokenType}`);

  return { provider, accessToken, ...tokenTimes(Number(params.get('expires_in'))) };
}
