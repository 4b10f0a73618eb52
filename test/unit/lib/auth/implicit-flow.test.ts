import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { implicitAuthorizeUrl, parseImplicitCallback } from '@/lib/auth/implicit-flow';
import { signIn } from '@/lib/auth/session';
import { cacheOwners, readTokens } from '@/lib/auth/token-store';
import { authStates, providerSetting } from '@/lib/settings';
import { eventbriteSettings } from '@/lib/providers/eventbrite-settings';
import { REDIRECT_URI, stubIdentity } from '../../../support/identity';
import { fakeFetch } from '../../../support/fake-fetch';

const config = { authorizeUrl: 'https://www.eventbrite.com/oauth/authorize', clientId: 'APIKEY' };

describe('parseImplicitCallback', () => {
  test('reads the token from the fragment', () => {
    const tokens = parseImplicitCallback(
      'eventbrite',
      `${REDIRECT_URI}#access_token=tok&token_type=bearer&state=s1`,
      's1',
    );
    expect(tokens).toEqual({ provider: 'eventbrite', accessToken: 'tok' });
  });

  test('reads the token from the query, where Eventbrite sometimes puts it', () => {
    expect(
      parseImplicitCallback('eventbrite', `${REDIRECT_URI}?access_token=tok&state=s1`, 's1').accessToken,
    ).toBe('tok');
  });

  test('accepts a callback without state, since Eventbrite may not echo it', () => {
    expect(parseImplicitCallback('eventbrite', `${REDIRECT_URI}#access_token=tok`, 's1').accessToken).toBe(
      'tok',
    );
  });

  test('refuses a callback whose state is not ours', () => {
    expect(() =>
      parseImplicitCallback('eventbrite', `${REDIRECT_URI}#access_token=tok&state=other`, 's1'),
    ).toThrow(expect.objectContaining({ code: 'untrusted-response' }));
  });

  test('keeps an expiry when one is given', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    const tokens = parseImplicitCallback(
      'eventbrite',
      `${REDIRECT_URI}#access_token=tok&expires_in=3600`,
      's1',
    );
    expect(tokens.expiresAt).toBe(1_000_000 + 3_600_000);
    expect(tokens.refreshAt).toBeLessThan(tokens.expiresAt!);
    vi.useRealTimers();
  });

  test.each([
    ['an error', `${REDIRECT_URI}#error=access_denied&state=s1`, 'denied'],
    ['another error', `${REDIRECT_URI}?error=invalid_client`, 'exchange-failed'],
    ['no token', `${REDIRECT_URI}#state=s1`, 'untrusted-response'],
    ['a token type other than bearer', `${REDIRECT_URI}#access_token=t&token_type=mac`, 'untrusted-response'],
    ['not a URL', 'not a url', 'untrusted-response'],
  ])('turns %s into a clear error', (_name, url, code) => {
    expect(() => parseImplicitCallback('eventbrite', url, 's1')).toThrow(expect.objectContaining({ code }));
  });
});

describe('implicitAuthorizeUrl', () => {
  test('asks for a token with the client id, redirect URI and state', () => {
    const url = new URL(implicitAuthorizeUrl(config, REDIRECT_URI, 'st'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'token',
      client_id: 'APIKEY',
      redirect_uri: REDIRECT_URI,
      state: 'st',
    });
  });

  test('refuses a plain-http authorize URL that is not loopback', () => {
    expect(() =>
      implicitAuthorizeUrl(
        { ...config, authorizeUrl: 'http://eventbrite.example/oauth/authorize' },
        REDIRECT_URI,
        'st',
      ),
    ).toThrow(expect.objectContaining({ code: 'not-configured' }));
  });
});

describe('signing in to Eventbrite', () => {
  const usersMe = { id: '77', name: 'Eve Attendee', emails: [{ email: 'eve@example.org', primary: true }] };

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fakeFetch(() => Response.json(usersMe));
    await providerSetting.setValue('eventbrite');
    await eventbriteSettings.setValue({ clientId: 'APIKEY', organizerIds: [] });
  });
  afterEach(() => vi.unstubAllGlobals());

  const tokenCallback = (url: string, token: string) =>
    `${REDIRECT_URI}#access_token=${token}&state=${new URL(url).searchParams.get('state')}`;

  test('first time: straight to the interactive window', async () => {
    const launch = stubIdentity(async ({ url }) => tokenCallback(url, 'tok-1'));
    await signIn('eventbrite');
    expect(launch.mock.calls.map(([details]) => details.interactive)).toEqual([true]);
    expect(await authStates.eventbrite.getValue()).toMatchObject({
      status: 'signed-in',
      provider: 'eventbrite',
      account: { name: 'Eve Attendee' },
    });
    expect(await readTokens('eventbrite')).toMatchObject({ provider: 'eventbrite', accessToken: 'tok-1' });
  });

  test('on re-auth, tries without a window first', async () => {
    await cacheOwners.eventbrite.setValue('eventbrite:77');
    const launch = stubIdentity(async ({ url }) => tokenCallback(url, 'tok-2'));
    await signIn('eventbrite');
    expect(launch.mock.calls.map(([details]) => details.interactive)).toEqual([false]);
    expect(await readTokens('eventbrite')).toMatchObject({ accessToken: 'tok-2' });
  });

  test('on re-auth, falls back to the window when the user is needed', async () => {
    await cacheOwners.eventbrite.setValue('eventbrite:77');
    const launch = stubIdentity(async ({ url, interactive }) => {
      if (!interactive) throw new Error('User interaction required.');
      return tokenCallback(url, 'tok-3');
    });
    await signIn('eventbrite');
    expect(launch.mock.calls.map(([details]) => details.interactive)).toEqual([false, true]);
    expect(await readTokens('eventbrite')).toMatchObject({ accessToken: 'tok-3' });
  });

  test('without a client id, says where to set one and opens nothing', async () => {
    await eventbriteSettings.setValue({ clientId: '', organizerIds: [] });
    const launch = stubIdentity(async () => 'unused');
    await signIn('eventbrite');
    expect(launch).not.toHaveBeenCalled();
    expect(await authStates.eventbrite.getValue()).toMatchObject({
      status: 'signed-out',
      problem: { code: 'not-configured' },
    });
  });
});
