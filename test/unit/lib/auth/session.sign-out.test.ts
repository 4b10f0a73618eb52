import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetDiscovery } from '@/lib/auth/code-flow';
import { signOut } from '@/lib/auth/session';
import { cacheOwners, readTokens, tokenStores } from '@/lib/auth/token-store';
import { openCache } from '@/lib/cache/db';
import { EMPTY_QUERY } from '@/lib/query';
import { authStates } from '@/lib/settings';
import { sampleEvent } from '../../../support/events';
import { fakeFetch, networkDown } from '../../../support/fake-fetch';

const ISSUER = 'http://127.0.0.1:8787';
let revocationStatus = 200;
const revoked: URLSearchParams[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  forgetDiscovery();
  revoked.length = 0;
  revocationStatus = 200;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakeFetch(async (request) => {
    if (request.url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/auth`,
        token_endpoint: `${ISSUER}/token`,
        revocation_endpoint: `${ISSUER}/token/revocation`,
      });
    }
    // What the extension holds must still be there when the revocation goes out.
    expect(await readTokens('demo')).not.toBeNull();
    revoked.push(new URLSearchParams(await request.text()));
    return new Response(revocationStatus === 200 ? '' : '{"error":"server_error"}', {
      status: revocationStatus,
    });
  });

  await tokenStores.demo.setValue({
    provider: 'demo',
    accessToken: 'at',
    refreshToken: 'rt',
    refreshAt: Date.now() + 60_000,
  });
  await cacheOwners.demo.setValue('demo:1001');
  await authStates.demo.setValue({
    status: 'signed-in',
    provider: 'demo',
    account: { id: '1001', name: 'Dana Demo' },
  });
  await fakeBrowser.action.setBadgeText({ text: '3' });
  const db = await openCache();
  await db.put('events', { ...sampleEvent({ id: 'e1', title: 'Private order' }), text: 'private order' });
  await db.put('searches', {
    provider: 'demo',
    key: 'jazz',
    query: { ...EMPTY_QUERY, text: 'jazz' },
    eventIds: ['e1'],
    fetchedAt: 1,
    lastUsedAt: 1,
  });
  db.close();
});
afterEach(() => vi.unstubAllGlobals());

async function expectEverythingGone() {
  expect(await readTokens('demo')).toBeNull();
  expect(await cacheOwners.demo.getValue()).toBeNull();
  expect(await authStates.demo.getValue()).toEqual({ status: 'signed-out' });
  expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  const db = await openCache();
  expect(await db.count('events')).toBe(0);
  expect(await db.count('searches')).toBe(0);
  db.close();
}

describe('signOut', () => {
  test('revokes the refresh token, then wipes tokens, cache and badge', async () => {
    await signOut('demo');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]?.get('token')).toBe('rt');
    expect(revoked[0]?.get('token_type_hint')).toBe('refresh_token');
    await expectEverythingGone();
  });

  test('wipes everything whatever the server said', async () => {
    revocationStatus = 503;
    await signOut('demo');
    expect(revoked).toHaveLength(1);
    await expectEverythingGone();
  });

  test('wipes everything when the server cannot be reached', async () => {
    fakeFetch(networkDown);
    await signOut('demo');
    await expectEverythingGone();
  });
});
