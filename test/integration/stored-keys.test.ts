import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { DEMO_TICKETMASTER_KEY } from '../../demo/ticketmaster-api';
import { grants } from '../support/fake-permissions';
import { stubIdentity } from '../support/identity';
import { addListing } from '../support/listings';
import { walkAuthorization } from '../support/walk-authorization';
import { pointBuildAt } from '../support/demo-env';

// Every feature run once against the real demo server, then every stored key checked against the
// registry beside defineStoredItem (lib/stored-item.ts): a key nobody declared fails, and ending the
// session leaves exactly the keys declared `never`, whichever way it ends.

let demo: DemoServer;
let background: typeof import('../../entrypoints/background');
let storedItem: typeof import('../../lib/stored-item');
let session: typeof import('../../lib/auth/session');
let settings: typeof import('../../lib/settings');
let owners: typeof import('../../lib/owners');
let syncItems: typeof import('../../lib/sync-settings');
let eventbriteItems: typeof import('../../lib/providers/eventbrite-settings');
let search: typeof import('../../lib/search');
let sync: typeof import('../../lib/sync');
let cacheDb: typeof import('../../lib/cache/db');
let query: typeof import('../../lib/query');
let ticketmasterKey: typeof import('../../lib/ticketmaster-key');

beforeAll(async () => {
  demo = await startDemoServer();
  pointBuildAt(demo);
  background = await import('../../entrypoints/background');
  storedItem = await import('../../lib/stored-item');
  session = await import('../../lib/auth/session');
  settings = await import('../../lib/settings');
  owners = await import('../../lib/owners');
  syncItems = await import('../../lib/sync-settings');
  eventbriteItems = await import('../../lib/providers/eventbrite-settings');
  search = await import('../../lib/search');
  sync = await import('../../lib/sync');
  cacheDb = await import('../../lib/cache/db');
  query = await import('../../lib/query');
  ticketmasterKey = await import('../../lib/ticketmaster-key');
});
afterAll(() => demo.close());

const AREAS = ['local', 'session', 'sync'] as const;

/** Every key in every storage area, as `area:key`. */
async function storedKeys(): Promise<string[]> {
  const keys = await Promise.all(
    AREAS.map(async (area) =>
      Object.keys(await fakeBrowser.storage[area].get(null)).map((key) => `${area}:${key}`),
    ),
  );
  return keys.flat().sort();
}

const everythingStoredText = async () =>
  JSON.stringify(await Promise.all(AREAS.map((area) => fakeBrowser.storage[area].get(null))));

const declaredAs = (areaKey: string) => {
  const [area, ...rest] = areaKey.split(':');
  return storedItem.declarationOf(area as (typeof AREAS)[number], rest.join(':'))?.clearOn;
};

/** The cache's records of the account (sign-in providers' searches and events, and sync state), and of Ticketmaster. */
async function cachedRecords(): Promise<{ account: number; ticketmaster: number }> {
  return cacheDb.withCacheConnection(async (db) => {
    // Cached searches and events, and what sync saw of each saved search: each record names its provider.
    const all = (
      await Promise.all(
        cacheDb.ALL_STORES.map((store) => db.getAll(store) as Promise<{ provider?: string }[]>),
      )
    ).flat();
    const ticketmaster = all.filter((record) => record.provider === 'ticketmaster').length;
    return { account: all.length - ticketmaster, ticketmaster };
  });
}

/** A browser with nothing stored and the background started, whose sign-ins log in as Dana. */
async function freshBackground(): Promise<void> {
  fakeBrowser.reset();
  await deleteDB(cacheDb.CACHE_NAME);
  background.default.main();
  stubIdentity(({ url }) => walkAuthorization(url, { login: 'demo', password: 'demo' }));
}

/** Signs in and uses every feature that stores something; returns the titles the account saw. */
async function useEverything(): Promise<string[]> {
  await freshBackground();
  await settings.providerSetting.setValue('demo');
  await eventbriteItems.eventbriteSettings.setValue({ clientId: 'ABCD1234', organizerIds: ['5003'] });
  await settings.searchSettings.setValue({ cacheTtlMinutes: 10 });
  await syncItems.syncSettings.setValue({ intervalMinutes: 45, notifications: true });
  await ticketmasterKey.saveTicketmasterKey(DEMO_TICKETMASTER_KEY);
  grants.permissions.add('notifications');
  vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id' as never);
  await session.signIn('demo');
  const state = await settings.authStates.demo.getValue();
  if (state.status !== 'signed-in') throw new Error(`not signed in: ${JSON.stringify(state)}`);

  const jazz = query.normalizeQuery({ text: 'jazz' });
  const found = await search.runSearch({ provider: 'demo', query: jazz, timeZone: 'Europe/Berlin' });
  await search.runSearch({ provider: 'ticketmaster', query: jazz, timeZone: 'Europe/Berlin' });
  await search.loadMore({ provider: 'demo', query: jazz, timeZone: 'Europe/Berlin' });
  await settings.lastQuery.setValue(jazz);
  await sync.toggleSavedSearch(jazz);
  const listing = addListing(demo, 'Jazz at the Registry');
  await sync.runSyncCycle();
  await settings.popupSnapshot.setValue({
    owner: owners.sessionOwner('demo', state.account),
    language: 'en-US',
    timeZone: 'Europe/Berlin',
    html: `<p>${found.events[0]!.title}</p>`,
    expiresAt: Date.now() + 60_000,
  });
  return [listing.name.text, found.events[0]!.title, state.account.name];
}

describe('every stored key is declared with what clears it', () => {
  test('after using every feature, no key is undeclared', async () => {
    await useEverything();
    const keys = await storedKeys();
    // The features ran: tokens, results, a saved search, a notification's target and the snapshot are there.
    expect(keys).toEqual(
      expect.arrayContaining([
        'local:demo:tokens',
        'local:demo:authState',
        'session:popupSnapshot',
        'local:syncStatus',
        'local:syncRequests',
        'local:lastQuery',
        'sync:provider',
        'sync:syncSettings',
        'local:ticketmasterKey',
        'local:ticketmasterConnection',
      ]),
    );
    expect(keys.some((key) => key.startsWith('sync:saved:'))).toBe(true);
    expect(keys.some((key) => key.startsWith('session:notification:'))).toBe(true);
    expect(keys.filter((key) => declaredAs(key) === undefined)).toEqual([]);
  });

  test.each([
    ['sign-out', () => session.signOut('demo')],
    [
      'a server that refuses every token during a background sync',
      async () => {
        // The user withdrew the app's access at the provider: access and refresh tokens are refused.
        demo.revokeDemoGrants();
        const status = await sync.runSyncCycle();
        expect(status.outcome).toEqual({ code: 'session-expired' });
      },
    ],
  ])(
    'ending the session by %s leaves only what is declared never or the key’s, and nothing of the account',
    async (_how, end) => {
      const seen = await useEverything();
      await end();
      const keys = await storedKeys();
      // authState stays, rewritten as signed out (with why, where the user did not ask).
      const kept = new Set(['never', 'key-removed']);
      expect(keys.filter((key) => !kept.has(declaredAs(key)!) && key !== 'local:demo:authState')).toEqual([]);
      // The Ticketmaster key is not the account's: a sign-out keeps it.
      expect(keys).toEqual(
        expect.arrayContaining([
          'sync:provider',
          'sync:syncSettings',
          'local:syncRequests',
          'local:ticketmasterKey',
        ]),
      );
      expect(keys.some((key) => key.startsWith('sync:saved:'))).toBe(true);
      expect((await settings.authStates.demo.getValue()).status).toBe('signed-out');
      // The account's cache goes; Ticketmaster's results are the key's, and stay.
      expect(await cachedRecords()).toEqual({ account: 0, ticketmaster: expect.any(Number) });
      expect((await cachedRecords()).ticketmaster).toBeGreaterThan(0);
      const everything = await everythingStoredText();
      expect(seen.filter((text) => everything.includes(text))).toEqual([]);
    },
  );

  test("signing out of one provider leaves the other's session, keys and cache", async () => {
    const seen = await useEverything();
    await eventbriteItems.eventbriteSettings.setValue({ clientId: '', organizerIds: ['5003'] });
    await session.signIn('eventbrite');
    const everyone = query.normalizeQuery({ text: '' });
    const kept = await search.runSearch({ provider: 'eventbrite', query: everyone, timeZone: 'UTC' });
    expect(kept.events.length).toBeGreaterThan(0);
    const eventbriteKeys = (await storedKeys()).filter((key) => key.includes(':eventbrite:'));
    expect(eventbriteKeys).toEqual(
      expect.arrayContaining([
        'local:eventbrite:authState',
        'local:eventbrite:tokens',
        'local:eventbrite:cacheOwner',
      ]),
    );

    await session.signOut('demo');

    const keys = await storedKeys();
    expect(keys.filter((key) => key.includes(':demo:') && key !== 'local:demo:authState')).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(eventbriteKeys));
    expect((await settings.authStates.eventbrite.getValue()).status).toBe('signed-in');
    // The shared snapshot went with Demo's account; Eventbrite's cached results stay.
    expect(keys).not.toContain('session:popupSnapshot');
    const eventbriteCached = await cacheDb.withCacheConnection((db) => db.getAll('events'));
    expect(eventbriteCached.filter((event) => event.provider === 'demo')).toEqual([]);
    expect(eventbriteCached.filter((event) => event.provider === 'eventbrite').length).toBeGreaterThan(0);
    // Demo's titles and account name are gone, except where Eventbrite's own share holds the same words
    // (the demo server plays both, as the same person).
    const everything = await everythingStoredText();
    const eventbriteState = await settings.authStates.eventbrite.getValue();
    const ownWords = new Set([
      ...eventbriteCached.map((event) => event.title),
      eventbriteState.status === 'signed-in' ? eventbriteState.account.name : '',
    ]);
    expect(seen.filter((text) => !ownWords.has(text) && everything.includes(text))).toEqual([]);
  });

  test('removing the Ticketmaster key leaves nothing declared to go with it, and keeps the session', async () => {
    await useEverything();
    await ticketmasterKey.removeTicketmasterKey();
    const keys = await storedKeys();
    expect(keys.filter((key) => declaredAs(key) === 'key-removed')).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['local:demo:tokens', 'local:demo:authState']));
    expect(await everythingStoredText()).not.toContain(DEMO_TICKETMASTER_KEY);
  });

  test('a search answered after a sign-out writes nothing back', async () => {
    // Eventbrite's client-side flow: signing out revokes nothing at the server, so the answer still comes.
    await freshBackground();
    await eventbriteItems.eventbriteSettings.setValue({ clientId: '', organizerIds: ['5003'] });
    await session.signIn('eventbrite');
    expect((await settings.authStates.eventbrite.getValue()).status).toBe('signed-in');
    // The search's first request is slow; the user signs out while it is on its way.
    demo.injectFaults({ delayMs: 300 });
    const late = search.runSearch({
      provider: 'eventbrite',
      query: query.normalizeQuery({ text: '' }),
      timeZone: 'UTC',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await session.signOut('eventbrite');
    const answered = await late;
    expect(answered.events.length).toBeGreaterThan(0);
    // The write follows the answer: give it the time it would take.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await cachedRecords()).account).toBe(0);
  });
});
