import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { findAccountById, toEventbriteUser } from './accounts.ts';
import { sendJson } from './http.ts';

/** Eventbrite's error body: clients decide on `error`, not only on the status. */
export function sendEventbriteError(res: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error, error_description: description, status_code: status }, headers);
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Checks the token through the authorization server itself, so revocation takes effect at once. */
async function authenticate(provider: Provider, apiBase: string, req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  const value = bearerToken(req);
  if (!value) {
    sendEventbriteError(res, 401, 'NO_AUTH', 'An OAuth token is required for all requests.');
    return undefined;
  }
  const token = await provider.AccessToken.find(value);
  const audience = token?.aud;
  const forThisApi = Array.isArray(audience) ? audience.includes(apiBase) : audience === apiBase;
  if (!token || token.isExpired || !forThisApi || !token.accountId || !(await provider.Grant.find(token.grantId ?? ''))) {
    sendEventbriteError(res, 401, 'INVALID_AUTH', 'The OAuth token you provided was invalid.');
    return undefined;
  }
  return token.accountId;
}

/** The events API under /v3, in Eventbrite's shapes. Returns false for paths outside it. */
export async function handleApi(provider: Provider, apiBase: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const apiPath = new URL(apiBase).pathname;
  if (!url.pathname.startsWith(`${apiPath}/`)) return false;
  const route = url.pathname.slice(apiPath.length);

  if (req.method !== 'GET') {
    sendEventbriteError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here.`);
    return true;
  }
  const accountId = await authenticate(provider, apiBase, req, res);
  if (!accountId) return true;

  if (route === '/users/me/') {
    const account = findAccountById(accountId);
    if (!account) sendEventbriteError(res, 404, 'NOT_FOUND', 'This user no longer exists.');
    else sendJson(res, 200, toEventbriteUser(account));
    return true;
  }
  sendEventbriteError(res, 404, 'NOT_FOUND', 'The path you requested does not exist.');
  return true;
}
