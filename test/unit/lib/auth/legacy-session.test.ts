import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adoptSingleProviderSession } from '@/lib/auth/legacy-session';
import { cacheOwners, readTokens } from '@/lib/auth/token-store';
import { authStates, readAuthStates } from '@/lib/settings';

beforeEach(() => fakeBrowser.reset());

/** What 0.1.0 left in storage.local for a signed-in user, version records included. */
const SIGNED_IN_0_1_0 = {
  authState: { status: 'signed-in', provider: 'eventbrite', account: { id: '7', name: 'Dana' } },
  authState$: { v: 1 },
  tokens: { provider: 'eventbrite', accessToken: 'at-1' },
  tokens$: { v: 1 },
  cacheOwner: 'eventbrite:7',
};

const legacyKeysLeft = async () =>
  Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => !key.includes(':'));

describe("0.1.0's single session", () => {
  test("moves to its provider's own keys, and the old keys go", async () => {
    await fakeBrowser.storage.local.set(SIGNED_IN_0_1_0);
    await adoptSingleProviderSession();

    expect(await authStates.eventbrite.getValue()).toEqual(SIGNED_IN_0_1_0.authState);
    expect(await readTokens('eventbrite')).toEqual(SIGNED_IN_0_1_0.tokens);
    expect(await cacheOwners.eventbrite.getValue()).toBe('eventbrite:7');
    expect((await authStates.demo.getValue()).status).toBe('signed-out');
    expect(await legacyKeysLeft()).toEqual([]);
  });

  test('signed out, with a problem stored as v1 did (an English sentence beside its code): nothing is adopted', async () => {
    await fakeBrowser.storage.local.set({
      authState: {
        status: 'signed-out',
        problem: { code: 'session-expired', message: 'Your session has ended.' },
      },
      authState$: { v: 1 },
    });
    await adoptSingleProviderSession();
    expect(Object.values(await readAuthStates()).map((state) => state.status)).toEqual([
      'signed-out',
      'signed-out',
    ]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  test('tokens of another provider than the state names are never adopted', async () => {
    await fakeBrowser.storage.local.set({
      ...SIGNED_IN_0_1_0,
      tokens: { provider: 'demo', accessToken: 'at-1' },
    });
    await adoptSingleProviderSession();
    expect(await readTokens('demo')).toBeNull();
    expect(await readTokens('eventbrite')).toBeNull();
    expect((await authStates.eventbrite.getValue()).status).toBe('signed-out');
    expect(await legacyKeysLeft()).toEqual([]);
  });

  test('a newer session already in its own keys is left alone when nothing old is there', async () => {
    await authStates.demo.setValue({
      status: 'signed-in',
      provider: 'demo',
      account: { id: '1', name: 'Ada' },
    });
    const before = await fakeBrowser.storage.local.get(null);
    await adoptSingleProviderSession();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  test('records of any shape: adopted whole or not at all, and the old keys always go', async () => {
    let adopted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            authState: fc.oneof(fc.constant(SIGNED_IN_0_1_0.authState), fc.jsonValue()),
            tokens: fc.oneof(fc.constant(SIGNED_IN_0_1_0.tokens), fc.jsonValue()),
            cacheOwner: fc.oneof(fc.constant(SIGNED_IN_0_1_0.cacheOwner), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
        async (records) => {
          fakeBrowser.reset();
          await fakeBrowser.storage.local.set(records);
          await adoptSingleProviderSession();
          const state = await authStates.eventbrite.getValue();
          const tokens = await readTokens('eventbrite');
          // Both or neither: a state naming an account always has that account's tokens beside it.
          expect(state.status === 'signed-in').toBe(tokens !== null);
          if (tokens) adopted += 1;
          expect(await legacyKeysLeft()).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
    expect(adopted).toBeGreaterThan(0);
  });
});
