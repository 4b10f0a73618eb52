import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { chromeRedirectUri, firefoxRedirectUri } from '../../demo/redirect-uris';
import { walkAuthorization } from '../support/walk-authorization';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

function authorizeUrl(redirectUri = chromeRedirectUri()) {
  const url = new URL('/auth', demo.issuer);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: 'event-scout',
    redirect_uri: redirectUri,
    scope: 'events:read',
    state: 'st',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

describe('the demo authorization server', () => {
  test('publishes what a modern public client needs', async () => {
    const metadata = (await (
      await fetch(`${demo.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: demo.issuer,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      revocation_endpoint: `${demo.issuer}/token/revocation`,
    });
    expect(metadata.grant_types_supported).toContain('refresh_token');
  });

  test('sends the code to the Chrome and the Firefox redirect URIs, with state and iss', async () => {
    for (const redirectUri of [chromeRedirectUri(), firefoxRedirectUri()]) {
      const callback = new URL(
        await walkAuthorization(authorizeUrl(redirectUri), { login: 'demo', password: 'demo' }),
      );
      expect(callback.origin + callback.pathname).toBe(redirectUri);
      expect(callback.searchParams.get('code')).toBeTruthy();
      expect(callback.searchParams.get('state')).toBe('st');
      expect(callback.searchParams.get('iss')).toBe(demo.issuer);
    }
  });

  test('refuses a redirect URI it does not know', async () => {
    await expect(
      walkAuthorization(authorizeUrl('https://evil.test/callback'), { login: 'demo', password: 'demo' }),
    ).rejects.toThrow(/redirect_uri/);
  });

  test('refuses a wrong password on its own login page', async () => {
    await expect(walkAuthorization(authorizeUrl(), { login: 'demo', password: 'wrong' })).rejects.toThrow(
      'Wrong username or password',
    );
  });

  test('sends access_denied back when the user denies', async () => {
    const callback = new URL(
      await walkAuthorization(authorizeUrl(), { login: 'sam', password: 'sam-password', decision: 'deny' }),
    );
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
  });
});

describe('GET /v3/users/me/', () => {
  test.each([
    ['without a token', undefined, 'NO_AUTH'],
    ['with a token it never issued', 'Bearer not-a-token', 'INVALID_AUTH'],
    ['with a malformed header', 'Basic abc', 'NO_AUTH'],
  ])('answers 401 in Eventbrite’s error shape %s', async (_name, authorization, error) => {
    const response = await fetch(`${demo.apiBase}/users/me/`, {
      headers: authorization ? { authorization } : {},
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error, error_description: expect.any(String), status_code: 401 });
  });
});
