import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signIn } from '@/lib/auth/session';
import { tokenStores } from '@/lib/auth/token-store';
import { hasHostAccess, hostNames, hostOrigins, requestHostAccess } from '@/lib/host-access';
import { normalizeQuery } from '@/lib/query';
import { runSearch } from '@/lib/search';
import { authStates } from '@/lib/settings';
import { runSyncCycle, toggleSavedSearch } from '@/lib/sync';
import { stubIdentity } from '../../support/identity';
import { grants } from '../../support/fake-permissions';
import { fakeFetch } from '../../support/fake-fetch';

// Firefox lets users withdraw host permissions (Chrome lets them restrict site access): nothing goes to a
// provider the user has not allowed, and the user is told what to do.

const withdraw = () => hostOrigins('demo').forEach((origin) => grants.withdrawnOrigins.add(origin));

beforeEach(async () => {
  fakeBrowser.reset();
  fakeFetch(() => Response.json({ events: [], pagination: {} }));
  await tokenStores.demo.setValue({ provider: 'demo', accessToken: 'at' });
  await authStates.demo.setValue({
    status: 'signed-in',
    provider: 'demo',
    account: { id: '1001', name: 'Dana Demo' },
  });
});
afterEach(() => vi.unstubAllGlobals());

test('the demo provider’s hosts are those its build variables name', () => {
  expect(hostOrigins('demo')).toEqual(['http://127.0.0.1:8787/*']);
  expect(hostNames('eventbrite')).toEqual(['www.eventbriteapi.com']);
});

describe('with the host permission withdrawn', () => {
  test('a search asks nothing of the network and says what to do', async () => {
    withdraw();
    await expect(
      runSearch({ provider: 'demo', query: normalizeQuery({ text: 'jazz' }), timeZone: 'UTC' }),
    ).rejects.toMatchObject({ code: 'no-access' });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a sync cycle ends with the same advice', async () => {
    await toggleSavedSearch(normalizeQuery({ text: 'jazz' }));
    vi.mocked(fetch).mockClear();
    withdraw();
    expect(await runSyncCycle()).toMatchObject({
      outcome: { code: 'no-access' },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('sign-in does not open a window and says what to do', async () => {
    await authStates.demo.setValue({ status: 'signed-out' });
    const launch = stubIdentity(async () => undefined);
    withdraw();
    await signIn('demo');
    expect(launch).not.toHaveBeenCalled();
    expect(await authStates.demo.getValue()).toMatchObject({
      status: 'signed-out',
      problem: { code: 'no-access' },
    });
  });

  test('granting it again lets the search through', async () => {
    withdraw();
    expect(await hasHostAccess('demo')).toBe(false);
    expect(await requestHostAccess('demo')).toBe(true);
    expect(
      await runSearch({ provider: 'demo', query: normalizeQuery({ text: 'jazz' }), timeZone: 'UTC' }),
    ).toMatchObject({
      events: [],
    });
  });
});
