import { describe, expect, test } from 'vitest';
import { CACHE_LIMITS } from '../../lib/cache/searches';
import { CACHE_NAME, CACHE_VERSION } from '../../lib/cache/db';
import { normalizeQuery, queryKey } from '../../lib/query';
import type { Page } from 'puppeteer-core';
import { fillCache } from './cache-seeding';
import { e2eFile } from './fixtures';
import { EVENT_ITEMS, appears, count, search } from './queries';

// The worker stopped (as Chrome stops it, over the DevTools protocol) in the middle of writing a search,
// and a page holding an older database open while the worker upgrades it. Sign-in and sync cycles
// interrupted the same way are in sign-in.test.ts and sync.test.ts.

const { launchSignedIn } = await e2eFile();

/** The cache as an extension page sees it: the search's record (its event ids) and how many events there are. */
function readCache(page: Page, provider: string, key: string) {
  return page.evaluate(
    async ({ name, provider, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      const tx = db.transaction(['searches', 'events'], 'readonly');
      const get = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const search = await get<{ eventIds: string[] } | undefined>(
        tx.objectStore('searches').get([provider, key]) as IDBRequest<{ eventIds: string[] } | undefined>,
      );
      const stored = search
        ? await Promise.all(search.eventIds.map((id) => get(tx.objectStore('events').get([provider, id]))))
        : [];
      const events = await get(tx.objectStore('events').count());
      db.close();
      return {
        eventIds: search?.eventIds ?? null,
        missing: stored.filter((event) => event === undefined).length,
        events,
      };
    },
    { name: CACHE_NAME, provider, key },
  );
}

describe('interruptions', () => {
  test('the worker stopped while a search is being written: nothing half-written, and the next search recovers', async () => {
    const { session: browser, popup: first } = await launchSignedIn('chromium');
    // An overfull cache: writing the next search also evicts thousands of events, in the same
    // transaction, which keeps that transaction open for seconds: long enough to stop the worker inside it.
    const seeded = 12_000;
    await fillCache(await browser.backstage(), seeded);
    const query = normalizeQuery({ text: 'jazz' });
    const key = queryKey(query);

    // The answer reaches the page before the write completes (lib/search.ts); stop the worker then.
    const answer = await first.evaluate(
      (query) =>
        chrome.runtime.sendMessage({
          type: 'search/run',
          payload: { provider: 'demo', query, timeZone: 'Europe/Berlin' },
        }),
      query,
    );
    await browser.stopWorkers();
    expect(answer).toMatchObject({ ok: true, value: { events: expect.any(Array) } });

    // The whole transaction was taken back: no search record, no event added, none evicted.
    const options = await browser.openOptions();
    expect(await readCache(options, 'demo', key)).toEqual({ eventIds: null, missing: 0, events: seeded });

    // The next search (a worker started again) fetches, writes whole and evicts down to the cap.
    const popup = await browser.openPopup();
    await search(popup, 'jazz');
    await expect.poll(() => count(popup, EVENT_ITEMS), { timeout: 10_000 }).toBe(50);
    await expect
      .poll(async () => (await readCache(options, 'demo', key)).eventIds?.length, { timeout: 30_000 })
      .toBe(50);
    const after = await readCache(options, 'demo', key);
    expect(after.missing).toBe(0);
    expect(after.events).toBeLessThanOrEqual(CACHE_LIMITS.events);
  });

  test('a page holding the database open does not block an upgrade to a newer version', async () => {
    const { session: browser, popup } = await launchSignedIn('chromium');
    await search(popup, 'jazz');
    await appears(popup, EVENT_ITEMS);
    // The popup keeps its connection for its whole life (entrypoints/popup/useSearch.ts).
    expect(
      await popup.evaluate(
        async (name) => (await indexedDB.databases()).some((db) => db.name === name),
        CACHE_NAME,
      ),
    ).toBe(true);

    // Opened where the worker would open it: another context of the extension's origin.
    const upgrade = await (
      await browser.backstage()
    ).evaluate(
      ({ name, version }) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open(name, version);
          const gaveUp = setTimeout(() => resolve('still blocked after 10 s'), 10_000);
          request.onblocked = () => console.warn('upgrade waiting for other connections');
          request.onupgradeneeded = () => request.result.createObjectStore('fromNewerVersion');
          request.onsuccess = () => {
            clearTimeout(gaveUp);
            const stores = [...request.result.objectStoreNames];
            request.result.close();
            resolve(`version ${request.result.version}: ${stores.join(', ')}`);
          };
          request.onerror = () => resolve(`failed: ${request.error?.name}`);
        }),
      { name: CACHE_NAME, version: CACHE_VERSION + 1 },
    );
    expect(upgrade).toBe(`version ${CACHE_VERSION + 1}: events, fromNewerVersion, kept, searches, syncState`);
  });
});
