import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { REDIRECT_URI, stubIdentity } from '../support/identity';
import { walkAuthorization } from '../support/walk-authorization';
import { pointBuildAt } from '../support/demo-env';

// The library under test reads the issuer at load time: start the server, point the build variables
// at it, then import.
const ACCESS_TOKEN_TTL = 2;
let demo: DemoServer;
let session: typeof import('../../lib/auth/session');
let codeFlow: typeof import('../../lib/auth/code-flow');
let tokenStore: typeof import('../../lib/auth/token-store');
let settings: typeof import('../../lib/settings');

beforeAll(async () => {
  demo = await startDemoServer({ accessTokenTtl: ACCESS_TOKEN_TTL });
  pointBuildAt(demo);
  session = await import('../../lib/auth/session');
  codeFlow = await import('../../lib/auth/code-flow');
  tokenStore = await import('../../lib/auth/token-store');
  settings = await import('../../lib/settings');
});
afterAll(() => demo.close());

beforeEach(() => {
  fakeBrowser.reset();
  stubIdentity(({ url }) => walkAuthorization(url, { login: 'demo', password: 'demo' }));
});

const config = () => ({ issuer: demo.issuer, clientId: 'event-scout', scope: 'events:read' });

async function usersMeStatus(accessToken: string): Promise<number> {
  return (await fetch(`${demo.apiBase}/users/me/`, { headers: { authorization: `Bearer ${accessToken}` } }))
    .status;
}

async function signedInTokens() {
  await session.signIn('demo');
  const tokens = await tokenStore.readTokens('demo');
  if (!tokens?.refreshToken)
    throw new Error(`sign-in failed: ${JSON.stringify(await settings.authStates.demo.getValue())}`);
  return tokens as typeof tokens & { refreshToken: string };
}

const waitForExpiry = () => new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_TTL * 1000 + 200));

async function refreshWith(refreshToken: string) {
  const as = await codeFlow.discover(config());
  const client = { client_id: 'event-scout' };
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, {
    [oauth.allowInsecureRequests]: true,
  });
  return oauth.processRefreshTokenResponse(as, client, response);
}

describe('authorization code + PKCE against the demo server', () => {
  test('signs in: the code is redeemed with the verifier and the account is named', async () => {
    const tokens = await signedInTokens();
    expect(await settings.authStates.demo.getValue()).toMatchObject({
      status: 'signed-in',
      account: { id: '1001', name: 'Dana Demo' },
    });
    expect(await usersMeStatus(tokens.accessToken)).toBe(200);
    expect(await tokenStore.pendingSignIns.demo.getValue()).toBeNull();
  });

  test('the server refuses an authorization request without PKCE', async () => {
    const as = await codeFlow.discover(config());
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: 'event-scout',
      redirect_uri: REDIRECT_URI,
      scope: 'events:read',
      state: 's',
    }).toString();
    const callback = new URL(await walkAuthorization(url.href, { login: 'demo', password: 'demo' }));
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('code')).toBeNull();
  });

  test('a code redeemed once is refused the second time', async () => {
    const start = await codeFlow.startCodeFlow(config(), REDIRECT_URI);
    const callback = await walkAuthorization(start.url, { login: 'demo', password: 'demo' });
    const pending = { state: start.state, codeVerifier: start.codeVerifier, redirectUri: REDIRECT_URI };
    const first = await codeFlow.finishCodeFlow(config(), 'demo', callback, pending);
    expect(first.accessToken).toBeTruthy();

    const replay = codeFlow.finishCodeFlow(config(), 'demo', callback, pending);
    await expect(replay).rejects.toBeInstanceOf(oauth.ResponseBodyError);
    await expect(replay).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  test('a wrong verifier cannot redeem the code', async () => {
    const start = await codeFlow.startCodeFlow(config(), REDIRECT_URI);
    const callback = await walkAuthorization(start.url, { login: 'demo', password: 'demo' });
    const attempt = codeFlow.finishCodeFlow(config(), 'demo', callback, {
      state: start.state,
      codeVerifier: oauth.generateRandomCodeVerifier(),
      redirectUri: REDIRECT_URI,
    });
    await expect(attempt).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('refresh', () => {
  test('rotates the refresh token; the old one used again revokes the grant', async () => {
    const first = await signedInTokens();
    await waitForExpiry();
    expect(await usersMeStatus(first.accessToken)).toBe(401);

    const accessToken = await session.getAccessToken('demo');
    const second = await tokenStore.readTokens('demo');
    expect(accessToken).not.toBe(first.accessToken);
    expect(second?.refreshToken).toBeTruthy();
    expect(second?.refreshToken).not.toBe(first.refreshToken);
    expect(second?.refreshStartedAt).toBeUndefined();
    expect(await usersMeStatus(accessToken)).toBe(200);

    // Replaying the spent token is what a careless client would do after a lost answer.
    await expect(refreshWith(first.refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await usersMeStatus(accessToken)).toBe(401);
  });

  test('ten concurrent calls with an expired access token make exactly one refresh request, and the grant survives', async () => {
    const first = await signedInTokens();
    await waitForExpiry();
    const before = demo.requestCount('POST /token');

    const tokens = await Promise.all(Array.from({ length: 10 }, () => session.getAccessToken('demo')));

    expect(demo.requestCount('POST /token') - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first.accessToken);
    expect(await usersMeStatus(tokens[0]!)).toBe(200);
    // The grant is intact: the rotated refresh token still works.
    const stored = await tokenStore.readTokens('demo');
    await expect(refreshWith(stored!.refreshToken!)).resolves.toMatchObject({
      token_type: expect.stringMatching(/bearer/i),
    });
  });

  test('a refresh whose answer was lost is not replayed: the user signs in again', async () => {
    const first = await signedInTokens();
    // As a worker stopped mid-refresh leaves it.
    await tokenStore.tokenStores.demo.setValue({ ...first, refreshStartedAt: Date.now() - 1000 });
    await waitForExpiry();
    const before = demo.requestCount('POST /token');

    await expect(session.getAccessToken('demo')).rejects.toMatchObject({ code: 'session-expired' });
    expect(demo.requestCount('POST /token')).toBe(before);
    expect(await tokenStore.readTokens('demo')).toBeNull();
    expect(await settings.authStates.demo.getValue()).toMatchObject({
      status: 'signed-out',
      problem: { code: 'session-expired' },
    });
  });

  test('a token endpoint answering 503 is asked once; the refresh token is kept and works when it is back', async () => {
    const first = await signedInTokens();
    await waitForExpiry();
    const before = demo.requestCount('POST /token');
    demo.takeTokenEndpointDown('unavailable');
    try {
      await expect(session.getAccessToken('demo')).rejects.toMatchObject({ code: 'exchange-failed' });
    } finally {
      demo.bringTokenEndpointUp();
    }
    expect(demo.requestCount('POST /token') - before).toBe(1);
    expect(await tokenStore.readTokens('demo')).toEqual(first);
    expect(await usersMeStatus(await session.getAccessToken('demo'))).toBe(200);
  });

  test('a token endpoint that drops the connection: the refresh is never replayed, the user signs in again', async () => {
    await signedInTokens();
    await waitForExpiry();
    const before = demo.requestCount('POST /token');
    demo.takeTokenEndpointDown('reset');
    try {
      await expect(session.getAccessToken('demo')).rejects.toMatchObject({ code: 'session-expired' });
    } finally {
      demo.bringTokenEndpointUp();
    }
    expect(demo.requestCount('POST /token') - before).toBe(1);
    expect(await tokenStore.readTokens('demo')).toBeNull();
    expect(await settings.authStates.demo.getValue()).toMatchObject({
      status: 'signed-out',
      problem: { code: 'session-expired' },
    });
  });

  test('invalid_grant ends in "sign in again", once, without a loop', async () => {
    const first = await signedInTokens();
    await refreshWith(first.refreshToken); // spends the stored refresh token behind the extension's back
    await waitForExpiry();
    const before = demo.requestCount('POST /token');

    await expect(session.getAccessToken('demo')).rejects.toMatchObject({ code: 'session-expired' });
    await expect(session.getAccessToken('demo')).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(demo.requestCount('POST /token') - before).toBe(1);
    expect(await settings.authStates.demo.getValue()).toMatchObject({
      status: 'signed-out',
      problem: { code: 'session-expired' },
    });
  });
});

describe('sign out', () => {
  test('revokes the grant: the old access and refresh tokens become useless', async () => {
    const tokens = await signedInTokens();
    expect(await usersMeStatus(tokens.accessToken)).toBe(200);

    await session.signOut('demo');

    expect(demo.requestCount('POST /token/revocation')).toBeGreaterThan(0);
    expect(await usersMeStatus(tokens.accessToken)).toBe(401);
    await expect(refreshWith(tokens.refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await tokenStore.readTokens('demo')).toBeNull();
    expect(await settings.authStates.demo.getValue()).toEqual({ status: 'signed-out' });
  });

  test('wipes everything locally even when the server is down', async () => {
    const tokens = await signedInTokens();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await demo.stop();
    try {
      await session.signOut('demo');
    } finally {
      await demo.resume();
    }
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('revocation failed'), 'TypeError');
    expect(await tokenStore.readTokens('demo')).toBeNull();
    expect(await settings.authStates.demo.getValue()).toEqual({ status: 'signed-out' });
    // The server never heard of it, which is why the revocation comes first when it can.
    expect(await usersMeStatus(tokens.accessToken)).toBe(200);
  });
});
