import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SIGN_IN_WINDOW_MS, abandonDeadSignIns, getAccessToken, signIn } from '@/lib/auth/session';
import { pendingSignIns, readTokens, tokenStores } from '@/lib/auth/token-store';
import { forgetDiscovery } from '@/lib/auth/code-flow';
import { authStates } from '@/lib/settings';
import { stubIdentity } from '../../../support/identity';
import {
  callbackFor,
  json,
  stubAuthServer,
  type ScriptedAuthServer,
} from '../../../support/scripted-auth-server';

/** The sign-in logic against a scripted authorization server: every way a callback or a token response can be wrong. */
let server: ScriptedAuthServer;

const problem = async () => {
  const state = await authStates.demo.getValue();
  return state.status === 'signed-out' ? state.problem?.code : state.status;
};

beforeEach(() => {
  fakeBrowser.reset();
  forgetDiscovery();
  server = stubAuthServer();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a good sign-in', () => {
  test('sends PKCE S256 and state, redeems the code with the verifier, and stores tokens with the account', async () => {
    let authorizeUrl = '';
    stubIdentity(async ({ url, interactive }) => {
      expect(interactive).toBe(true);
      authorizeUrl = url;
      return callbackFor(url);
    });
    await signIn('demo');

    const request = new URL(authorizeUrl).searchParams;
    expect(request.get('code_challenge_method')).toBe('S256');
    expect(request.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(server.tokenRequests[0]?.get('code')).toBe('the-code');
    const { createHash } = await import('node:crypto');
    expect(
      createHash('sha256').update(server.tokenRequests[0]!.get('code_verifier')!).digest('base64url'),
    ).toBe(request.get('code_challenge'));

    expect(await authStates.demo.getValue()).toMatchObject({
      status: 'signed-in',
      account: { name: 'Dana Demo' },
    });
    expect(await readTokens('demo')).toMatchObject({
      provider: 'demo',
      accessToken: 'at-1',
      refreshToken: 'rt-1',
    });
    expect(await pendingSignIns.demo.getValue()).toBeNull();
  });

  test('is in progress while the auth window is open, with the pending secrets in session storage', async () => {
    let finish!: (url: string) => void;
    let authorizeUrl = '';
    stubIdentity(({ url }) => {
      authorizeUrl = url;
      return new Promise((resolve) => (finish = resolve));
    });
    const flow = signIn('demo');
    await vi.waitFor(() => expect(authorizeUrl).not.toBe(''));
    expect(await authStates.demo.getValue()).toMatchObject({ status: 'signing-in' });
    const pending = await fakeBrowser.storage.session.get('demo:pendingSignIn');
    expect(pending['demo:pendingSignIn']).toMatchObject({
      state: new URL(authorizeUrl).searchParams.get('state'),
    });
    expect(await fakeBrowser.storage.local.get('demo:pendingSignIn')).toEqual({});
    expect(signIn('demo')).toBe(flow); // one flow at a time
    finish(callbackFor(authorizeUrl));
    await flow;
    expect(await problem()).toBe('signed-in');
  });
});

describe('a callback that cannot be trusted stores no token', () => {
  const cases: [string, Record<string, string | null>, string][] = [
    ['state missing', { state: null }, 'untrusted-response'],
    ['state wrong', { state: 'someone-elses' }, 'untrusted-response'],
    ['iss missing', { iss: null }, 'untrusted-response'],
    ['iss wrong', { iss: 'http://127.0.0.1:9999' }, 'untrusted-response'],
    [
      'an error callback',
      { code: null, error: 'server_error', error_description: 'boom' },
      'exchange-failed',
    ],
    ['access denied', { code: null, error: 'access_denied' }, 'denied'],
  ];
  test.each(cases)('%s', async (_name, override, expected) => {
    stubIdentity(async ({ url }) => callbackFor(url, override));
    await signIn('demo');
    expect(await problem()).toBe(expected);
    expect(await readTokens('demo')).toBeNull();
    expect(server.tokenRequests).toHaveLength(0);
  });
});

describe('other failures', () => {
  test('the user closes the auth window', async () => {
    stubIdentity(() => Promise.reject(new Error('The user did not approve access.')));
    await signIn('demo');
    expect(await problem()).toBe('cancelled');
    expect(await readTokens('demo')).toBeNull();
    expect(await pendingSignIns.demo.getValue()).toBeNull();
  });

  test('the code exchange fails', async () => {
    server.script.token = () => json({ error: 'invalid_grant', error_description: 'code expired' }, 400);
    stubIdentity(async ({ url }) => callbackFor(url));
    await signIn('demo');
    expect(await problem()).toBe('exchange-failed');
    expect(await readTokens('demo')).toBeNull();
  });

  test.each([
    [
      'not JSON',
      () => new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
    ['no access_token', () => json({ token_type: 'Bearer', expires_in: 60 })],
    ['a token type that is not bearer', () => json({ access_token: 'x', token_type: 'MAC' })],
    ['an access_token that is not a string', () => json({ access_token: 42, token_type: 'Bearer' })],
  ])('a malformed token response: %s', async (_name, token) => {
    server.script.token = token;
    stubIdentity(async ({ url }) => callbackFor(url));
    await signIn('demo');
    expect(await problem()).toBe('untrusted-response');
    expect(await readTokens('demo')).toBeNull();
  });

  test('the account cannot be fetched: no token is kept', async () => {
    server.script.usersMe = () => json({ error: 'INVALID_AUTH', status_code: 401 }, 401);
    stubIdentity(async ({ url }) => callbackFor(url));
    await signIn('demo');
    expect(await problem()).toBe('exchange-failed');
    expect(await readTokens('demo')).toBeNull();
  });
});

describe('a sign-in that outlives its chance', () => {
  test('a callback after the pending sign-in expired is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    stubIdentity(async ({ url }) => {
      vi.setSystemTime(Date.now() + SIGN_IN_WINDOW_MS + 1);
      return callbackFor(url);
    });
    await signIn('demo');
    expect(await problem()).toBe('interrupted');
    expect(server.tokenRequests).toHaveLength(0);
  });

  test('a flow whose worker stopped is abandoned with "try again", not an endless "Signing in…"', async () => {
    // What a stopped worker leaves behind.
    await authStates.demo.setValue({ status: 'signing-in', provider: 'demo', until: Date.now() + 60_000 });
    await pendingSignIns.demo.setValue({
      provider: 'demo',
      state: 's',
      codeVerifier: 'v',
      redirectUri: 'https://x.chromiumapp.org/',
      expiresAt: Date.now() + 60_000,
    });
    await abandonDeadSignIns();
    expect(await authStates.demo.getValue()).toMatchObject({
      status: 'signed-out',
      problem: { code: 'interrupted' },
    });
    expect(await pendingSignIns.demo.getValue()).toBeNull();
  });

  test('a live flow in this worker is left alone', async () => {
    stubIdentity(() => new Promise(() => undefined));
    void signIn('demo');
    await vi.waitFor(async () =>
      expect(await authStates.demo.getValue()).toMatchObject({ status: 'signing-in' }),
    );
    await abandonDeadSignIns();
    expect(await authStates.demo.getValue()).toMatchObject({ status: 'signing-in' });
  });
});

describe('refresh', () => {
  /** A stored token set whose refresh is due. */
  const dueTokens = () => ({
    provider: 'demo' as const,
    accessToken: 'old',
    refreshToken: 'rt-old',
    refreshAt: Date.now() - 1,
  });

  test('invalid_grant leaves a clear "sign in again" state and stops there', async () => {
    await tokenStores.demo.setValue({
      provider: 'demo',
      accessToken: 'old',
      refreshToken: 'rt-old',
      expiresAt: Date.now() - 1000,
      refreshAt: Date.now() - 2000,
    });
    server.script.token = () => json({ error: 'invalid_grant' }, 400);
    await expect(getAccessToken('demo')).rejects.toMatchObject({ code: 'session-expired' });
    expect(await problem()).toBe('session-expired');
    expect(await readTokens('demo')).toBeNull();
    await expect(getAccessToken('demo')).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(server.tokenRequests).toHaveLength(1);
  });

  test('stores the rotated refresh token', async () => {
    await tokenStores.demo.setValue(dueTokens());
    server.script.token = () =>
      json({ access_token: 'at-2', refresh_token: 'rt-2', token_type: 'Bearer', expires_in: 600 });
    expect(await getAccessToken('demo')).toBe('at-2');
    expect(server.tokenRequests[0]?.get('refresh_token')).toBe('rt-old');
    expect(await readTokens('demo')).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2' });
  });

  test('a server that refuses for its own reasons keeps the unspent token', async () => {
    const tokens = dueTokens();
    await tokenStores.demo.setValue(tokens);
    server.script.token = () => json({ error: 'temporarily_unavailable' }, 503);
    await expect(getAccessToken('demo')).rejects.toMatchObject({ code: 'exchange-failed' });
    expect(await readTokens('demo')).toEqual(tokens);
  });

  test('offline: nothing is sent, nothing is lost', async () => {
    const tokens = dueTokens();
    await tokenStores.demo.setValue(tokens);
    vi.stubGlobal('navigator', { onLine: false });
    await expect(getAccessToken('demo')).rejects.toMatchObject({ code: 'offline' });
    expect(server.tokenRequests).toHaveLength(0);
    expect(await readTokens('demo')).toEqual(tokens);
  });

  test('a token that is not due is used as it is', async () => {
    await tokenStores.demo.setValue({
      provider: 'demo',
      accessToken: 'fresh',
      refreshToken: 'rt',
      refreshAt: Date.now() + 60_000,
    });
    expect(await getAccessToken('demo')).toBe('fresh');
    expect(server.tokenRequests).toHaveLength(0);
  });
});
