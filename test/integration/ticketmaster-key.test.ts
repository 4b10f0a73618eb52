import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { DAILY_QUOTA, DEMO_TICKETMASTER_KEY } from '../../demo/ticketmaster-api';
import { pointBuildAt } from '../support/demo-env';
import { sampleEvent } from '../support/events';

// Saving the Ticketmaster key against the demo server's Discovery: checked with one request, kept only
// when Ticketmaster takes it, stored where tokens are and nowhere else, and gone with "Remove".

let demo: DemoServer;
let key: typeof import('../../lib/ticketmaster-key');
let settings: typeof import('../../lib/settings');
let cacheDb: typeof import('../../lib/cache/db');
let cache: typeof import('../../lib/cache/searches');

beforeAll(async () => {
  demo = await startDemoServer();
  pointBuildAt(demo);
  key = await import('../../lib/ticketmaster-key');
  settings = await import('../../lib/settings');
  cacheDb = await import('../../lib/cache/db');
  cache = await import('../../lib/cache/searches');
});
afterAll(() => demo.close());
beforeEach(() => fakeBrowser.reset());

const DISCOVERY = 'GET /discovery/v2/events.json';
const AREAS = ['local', 'session', 'sync'] as const;
const everythingStored = async () =>
  JSON.stringify(await Promise.all(AREAS.map((area) => fakeBrowser.storage[area].get(null))));

/** Saves `input`; the outcome, or the problem code it was refused with, and the requests it took. */
async function save(input: string) {
  const before = demo.requestCount(DISCOVERY);
  const outcome = await key.saveTicketmasterKey(input).catch((error: { code: string }) => error.code);
  return { outcome, requests: demo.requestCount(DISCOVERY) - before };
}

describe('saving the key', () => {
  test('a key Ticketmaster refuses: said so, one request, nothing kept', async () => {
    expect(await save('refused-by-ticketmaster')).toEqual({ outcome: 'key-refused', requests: 1 });
    expect(await key.ticketmasterKey()).toBeNull();
    expect(await settings.ticketmasterConnection.getValue()).toEqual({ source: 'none' });
    expect(await everythingStored()).not.toContain('refused-by-ticketmaster');
  });

  test('a good key, with spaces around it: checked, trimmed, kept in storage.local alone', async () => {
    expect(await save(`  ${DEMO_TICKETMASTER_KEY}\n`)).toEqual({ outcome: 'accepted', requests: 1 });
    expect(await key.ticketmasterKey()).toBe(DEMO_TICKETMASTER_KEY);
    expect(await settings.ticketmasterConnection.getValue()).toEqual({
      source: 'own',
      ending: DEMO_TICKETMASTER_KEY.slice(-4),
    });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain(DEMO_TICKETMASTER_KEY);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(DEMO_TICKETMASTER_KEY);
    // The key itself is in one item; what the pages read holds its last four characters only.
    const local = await fakeBrowser.storage.local.get(null);
    expect(
      Object.keys(local).filter((name) => JSON.stringify(local[name]).includes(DEMO_TICKETMASTER_KEY)),
    ).toEqual(['ticketmasterKey']);
  });

  test('a key whose requests are used up is valid: kept, and said so', async () => {
    demo.spendTicketmasterQuota(DEMO_TICKETMASTER_KEY, DAILY_QUOTA);
    try {
      expect(await save(DEMO_TICKETMASTER_KEY)).toEqual({ outcome: 'limited', requests: 1 });
      expect(await key.ticketmasterKey()).toBe(DEMO_TICKETMASTER_KEY);
    } finally {
      demo.spendTicketmasterQuota(DEMO_TICKETMASTER_KEY, -DAILY_QUOTA);
    }
  });

  test.each([
    ['a 503', { kind: 'status', status: 503 } as const],
    ['a gateway’s HTML page', { kind: 'html' } as const],
    ['a cut connection', { kind: 'reset' } as const],
  ])('%s: the key could not be checked, so nothing is kept, after one request', async (_name, fault) => {
    demo.injectTicketmasterFaults(fault);
    expect(await save(DEMO_TICKETMASTER_KEY)).toEqual({ outcome: 'key-unchecked', requests: 1 });
    expect(await key.ticketmasterKey()).toBeNull();
  });

  test('something that is no key is refused before any request', async () => {
    expect(await save('   ')).toEqual({ outcome: 'key-invalid', requests: 0 });
    expect(await save('key with spaces & symbols')).toEqual({ outcome: 'key-invalid', requests: 0 });
  });
});

describe('the day’s quota', () => {
  const searchTicketmaster = async () => {
    const { runSearch } = await import('../../lib/search');
    const { normalizeQuery } = await import('../../lib/query');
    return runSearch({
      provider: 'ticketmaster',
      query: normalizeQuery({ text: 'jazz' }),
      timeZone: 'UTC',
      force: true,
    });
  };

  test('once Ticketmaster says it is spent, no request goes out until it resets, across worker restarts; a new key lifts it', async () => {
    await key.saveTicketmasterKey(DEMO_TICKETMASTER_KEY);
    demo.injectTicketmasterFaults({ kind: 'quota' });
    const spent = await searchTicketmaster().catch((error: { code: string; until?: number }) => error);
    expect(spent).toMatchObject({ code: 'quota-spent', until: expect.any(Number) });

    const before = demo.requestCount(DISCOVERY);
    await expect(searchTicketmaster()).rejects.toMatchObject({ code: 'quota-spent' });
    // A worker started afresh reads it back from storage.
    vi.resetModules();
    await expect(searchTicketmaster()).rejects.toMatchObject({ code: 'quota-spent' });
    expect(demo.requestCount(DISCOVERY)).toBe(before);

    const renewed = await import('../../lib/ticketmaster-key');
    await renewed.saveTicketmasterKey(DEMO_TICKETMASTER_KEY);
    expect((await searchTicketmaster()).events.length).toBeGreaterThan(0);
  });
});

describe('removing the key', () => {
  test('forgets the key and Ticketmaster’s cached results; other providers’ stay', async () => {
    await key.saveTicketmasterKey(DEMO_TICKETMASTER_KEY);
    const query = (await import('../../lib/query')).EMPTY_QUERY;
    await cacheDb.withCacheConnection(async (db) => {
      for (const provider of ['ticketmaster', 'demo'] as const)
        await cache.writeSearchPage(db, {
          provider,
          key: 'k',
          query,
          events: [sampleEvent({ provider })],
          append: false,
          now: Date.now(),
        });
    });
    await key.removeTicketmasterKey();
    expect(await key.ticketmasterKey()).toBeNull();
    expect(await settings.ticketmasterConnection.getValue()).toEqual({ source: 'none' });
    expect(await everythingStored()).not.toContain(DEMO_TICKETMASTER_KEY);
    await cacheDb.withCacheConnection(async (db) => {
      expect(await cache.readSearch(db, 'ticketmaster', 'k')).toBeUndefined();
      expect((await cache.readSearch(db, 'demo', 'k'))?.events).toHaveLength(1);
    });
  });

  test('a build with a key of its own falls back to it', async () => {
    vi.resetModules();
    pointBuildAt(demo, { ticketmasterKey: true });
    const built = await import('../../lib/ticketmaster-key');
    const builtSettings = await import('../../lib/settings');
    expect(await built.ticketmasterKey()).toBe(DEMO_TICKETMASTER_KEY);
    expect(await builtSettings.ticketmasterConnection.getValue()).toEqual({ source: 'built-in' });
    await built.saveTicketmasterKey(DEMO_TICKETMASTER_KEY);
    await built.removeTicketmasterKey();
    expect(await builtSettings.ticketmasterConnection.getValue()).toEqual({ source: 'built-in' });
  });
});
