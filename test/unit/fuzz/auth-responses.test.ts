import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetDiscovery } from '@/lib/auth/code-flow';
import { AuthError } from '@/lib/auth/errors';
import { parseImplicitCallback } from '@/lib/auth/implicit-flow';
import { getAccessToken, signIn } from '@/lib/auth/session';
import {
  parseTokenSet,
  pendingSignIns,
  readTokens,
  tokenStores,
  type TokenSet,
} from '@/lib/auth/token-store';
import { authStates } from '@/lib/settings';
import { stubIdentity } from '../../support/identity';
import {
  callbackFor,
  ISSUER,
  json,
  stubAuthServer,
  type ScriptedAuthServer,
} from '../../support/scripted-auth-server';
import { RUNS } from './arbitraries';

// Token responses and callback URLs from a server that may be broken or hostile: the session ends in a
// well-formed state (signed in with well-formed tokens, or signed out with a problem), errors are
// AuthErrors, and a bad answer stores nothing.

const orAnything = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 });

/** A token endpoint's answer: mostly token-shaped JSON with fields of any type, errors, or not JSON at all. */
const tokenAnswer = fc.oneof(
  fc.record({
    status: fc.constant(200),
    body: fc.record(
      {
        access_token: orAnything(fc.string()),
        token_type: orAnything(fc.constantFrom('Bearer', 'bearer', 'DPoP', 'mac', '')),
        expires_in: orAnything(
          fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), fc.double(), fc.constant(1e308), fc.string()),
        ),
        refresh_token: orAnything(fc.string()),
        scope: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    status: fc.constantFrom(400, 401, 500, 503),
    body: fc.record({
      error: orAnything(fc.constantFrom('invalid_grant', 'invalid_request', 'temporarily_unavailable')),
    }),
  }),
  fc.record({ status: fc.integer({ min: 200, max: 599 }), text: fc.string() }),
);
type TokenAnswer = typeof tokenAnswer extends fc.Arbitrary<infer T> ? T : never;
const respond = (answer: TokenAnswer) => () =>
  'text' in answer ? new Response(answer.text, { status: answer.status }) : json(answer.body, answer.status);

let server: ScriptedAuthServer;
beforeEach(() => {
  fakeBrowser.reset();
  forgetDiscovery();
  server = stubAuthServer();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.unstubAllGlobals());

const wellFormed = (tokens: TokenSet | null) =>
  tokens === null || expect(parseTokenSet(tokens)).toEqual(tokens);

describe('the refresh grant’s answer', () => {
  const expired: TokenSet = {
    provider: 'demo',
    accessToken: 'at-0',
    refreshToken: 'rt-0',
    expiresAt: 1,
    refreshAt: 0,
  };

  test('a fresh access token, or an AuthError; the store holds the old tokens, new well-formed ones, or none', async () => {
    await fc.assert(
      fc.asyncProperty(tokenAnswer, async (answer) => {
        fakeBrowser.reset();
        await tokenStores.demo.setValue(expired);
        await authStates.demo.setValue({
          status: 'signed-in',
          provider: 'demo',
          account: { id: '1001', name: 'Dana Demo' },
        });
        server.script.token = respond(answer);
        let token: string | undefined;
        try {
          token = await getAccessToken('demo');
        } catch (error) {
          expect(error).toBeInstanceOf(AuthError);
        }
        const stored = await readTokens('demo');
        wellFormed(stored);
        if (token !== undefined) expect(stored?.accessToken).toBe(token);
        else if (stored) expect(stored).toEqual(expired);
        else
          expect(await authStates.demo.getValue()).toMatchObject({
            status: 'signed-out',
            problem: { code: expect.any(String) },
          });
      }),
      // Found by this test once: a lifetime of 1e308 seconds stored an expiry of Infinity.
      {
        numRuns: RUNS / 2,
        examples: [[{ status: 200, body: { access_token: 'at', token_type: 'Bearer', expires_in: 1e308 } }]],
      },
    );
  });
});

describe('sign-in with any callback URL and any token answer', () => {
  /** A callback built from the real request with each parameter kept, replaced or dropped, or any string at all. */
  const callback = fc.oneof(
    fc
      .record({
        code: fc.option(fc.string(), { nil: null }),
        state: fc.option(fc.oneof(fc.constant('<real>'), fc.string()), { nil: null }),
        iss: fc.option(fc.oneof(fc.constant(ISSUER), fc.webUrl(), fc.string()), { nil: null }),
        error: fc.option(fc.constantFrom('access_denied', 'server_error', '<script>'), { nil: null }),
      })
      .map((override) => (authorizeUrl: string) => {
        const state =
          override.state === '<real>' ? new URL(authorizeUrl).searchParams.get('state') : override.state;
        return callbackFor(authorizeUrl, { ...override, state });
      }),
    fc
      .oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }))
      .map((text) => () => text),
  );

  test('ends signed in with well-formed tokens, or signed out with a problem and no tokens; never throws', async () => {
    await fc.assert(
      fc.asyncProperty(callback, tokenAnswer, async (makeCallback, answer) => {
        fakeBrowser.reset();
        server.script.token = respond(answer);
        stubIdentity(async ({ url }) => makeCallback(url));
        await signIn('demo');
        const [state, tokens] = [await authStates.demo.getValue(), await readTokens('demo')];
        wellFormed(tokens);
        expect(await pendingSignIns.demo.getValue()).toBeNull();
        if (state.status === 'signed-in') expect(tokens).not.toBeNull();
        else
          expect([state, tokens]).toEqual([
            { status: 'signed-out', problem: { code: expect.any(String) } },
            null,
          ]);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});

describe('the implicit flow’s callback', () => {
  const params = fc.dictionary(
    fc.constantFrom('access_token', 'token_type', 'expires_in', 'state', 'error', 'scope'),
    fc.oneof(fc.string(), fc.constantFrom('Bearer', 'mac', 'expected-state', '1e308', '-1', '3600', 'NaN')),
  );
  const url = fc.oneof(
    fc.tuple(params, fc.boolean()).map(([values, inFragment]) => {
      const query = new URLSearchParams(values).toString();
      return `https://donpnijpfpfbnmbggnomcnbgodefmfep.chromiumapp.org/${inFragment ? '#' : '?'}${query}`;
    }),
    fc.string(),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
  );

  test('well-formed tokens, or an AuthError', () => {
    fc.assert(
      fc.property(url, (callbackUrl) => {
        try {
          const tokens = parseImplicitCallback('eventbrite', callbackUrl, 'expected-state');
          wellFormed(tokens);
        } catch (error) {
          expect(error).toBeInstanceOf(AuthError);
        }
      }),
      {
        numRuns: RUNS,
        examples: [
          ['https://donpnijpfpfbnmbggnomcnbgodefmfep.chromiumapp.org/#access_token=at&expires_in=1e308'],
        ],
      },
    );
  });
});
