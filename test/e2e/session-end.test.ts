import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { EMPTY_QUERY } from '../../lib/query';
import { addListing } from '../support/listings';
import { e2eFile } from './fixtures';
import type { ExtensionSession } from './harness';
import { closed, logIn } from './auth-window';
import { appears, click, count, EVENT_ITEMS, inside, role, search, text, texts } from './queries';

// However a session ends (Sign out in the popup or in options, the provider refusing every token during
// a background sync), nothing of the account is left: not in any storage
// area, not in IndexedDB, not in the pages' localStorage, and not on screen for a moment when the
// popup opens next (its DOM is recorded from document start).

const { demo, launchSignedIn } = await e2eFile();
/** The test's browser, for the helpers below. */
let session: ExtensionSession;

/** Everything the extension keeps, as one text: storage areas, IndexedDB, an extension page's localStorage. */
async function everythingStored(page: Page): Promise<string> {
  const areas = await (
    await session.backstage()
  ).evaluate(async () =>
    Promise.all([
      chrome.storage.local.get(null),
      chrome.storage.session.get(null),
      chrome.storage.sync.get(null),
    ]),
  );
  const pageData = await page.evaluate(async () => {
    const databases = await indexedDB.databases();
    const dumps = await Promise.all(
      databases.map(
        ({ name }) =>
          new Promise<unknown>((resolve, reject) => {
            const request = indexedDB.open(name!);
            request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
            request.onsuccess = () => {
              const db = request.result;
              const stores = [...db.objectStoreNames];
              if (!stores.length) return resolve({ name, stores: {} });
              const tx = db.transaction(stores, 'readonly');
              const all = stores.map(
                (store) =>
                  new Promise((done) => {
                    const read = tx.objectStore(store).getAll();
                    read.onsuccess = () => done([store, read.result]);
                  }),
              );
              void Promise.all(all).then((entries) => {
                db.close();
                resolve({ name, stores: Object.fromEntries(entries as [string, unknown][]) });
              });
            };
          }),
      ),
    );
    return { localStorage: { ...localStorage }, indexedDB: dumps };
  });
  return JSON.stringify({ areas, pageData });
}

/** Opens the popup with its DOM recorded from document start: every text and link it ever showed. */
async function openPopupRecorded(): Promise<{ popup: Page; shown: () => Promise<string> }> {
  const popup = await session.openPopup({
    beforeLoad: () => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            seen.push(node instanceof Element ? node.outerHTML : (node.textContent ?? ''));
      }).observe(document, { childList: true, subtree: true, characterData: true });
    },
  });
  return {
    popup,
    shown: async () =>
      popup.evaluate(
        () => `${(window as unknown as { seen: string[] }).seen.join('\n')}\n${document.body.outerHTML}`,
      ),
  };
}

let listings = 0;

/** Signs in, searches for a listing of the account's own, and lets the popup take its snapshot. */
async function useTheAccount(): Promise<string[]> {
  const listing = addListing(demo, `Zither Evening ${++listings} for Leaving No Trace`);
  const signedIn = await launchSignedIn('chromium');
  session = signedIn.session;
  await search(signedIn.popup, `zither evening ${listings}`);
  await appears(signedIn.popup, role('link', listing.name.text));
  // The snapshot is taken shortly after the results are on screen.
  const backstage = await session.backstage();
  await expect
    .poll(async () =>
      JSON.stringify(await backstage.evaluate(() => chrome.storage.session.get('popupSnapshot'))),
    )
    .toContain(listing.name.text);
  await signedIn.popup.close();
  return [listing.name.text, listing.url, 'Dana Demo'];
}

const DEMO_REGION = role('region', 'Demo');

const ENDINGS: [string, () => Promise<void>][] = [
  [
    'Sign out in the popup',
    async () => {
      const popup = await session.openPopup();
      await click(popup, role('button', 'Sign out'));
      await appears(popup, role('button', 'Sign in'));
      await popup.close();
    },
  ],
  [
    'Sign out in options',
    async () => {
      const options = await session.openOptions();
      await click(options, inside(DEMO_REGION, role('button', 'Sign out')));
      await appears(options, inside(DEMO_REGION, role('button', 'Sign in')));
      await options.close();
    },
  ],
  [
    'the provider refusing every token during a background sync',
    async () => {
      const options = await session.openOptions();
      // A saved search for the sync to refresh, then the user withdraws the app's access at the provider.
      const saved = await options.evaluate(
        (payload) => chrome.runtime.sendMessage({ type: 'saved/toggle', payload }),
        { ...EMPTY_QUERY, text: 'zither' },
      );
      expect(saved).toMatchObject({ ok: true });
      demo.revokeDemoGrants();
      await options.evaluate(() => chrome.alarms.create('sync-resume', { when: Date.now() + 50 }));
      await appears(options, inside(DEMO_REGION, role('button', 'Sign in')));
      await appears(options, inside(DEMO_REGION, text('Your session has ended')));
      await options.close();
    },
  ],
];

describe('when a session ends, nothing of the account is left', () => {
  for (const [how, end] of ENDINGS) {
    test(how, async () => {
      const traces = await useTheAccount();
      const before = await everythingStored(await session.openOptions());
      // The checks can fail: before the end, the account is there to find.
      expect(traces.filter((trace) => before.includes(trace))).toEqual(traces);

      await end();

      const { popup, shown } = await openPopupRecorded();
      await appears(popup, role('button', 'Sign in'));
      const everShown = await shown();
      expect(traces.filter((trace) => everShown.includes(trace))).toEqual([]);
      const after = await everythingStored(popup);
      expect(traces.filter((trace) => after.includes(trace))).toEqual([]);
    });
  }
});

describe('signing out of one provider', () => {
  test("keeps the other signed in with its results, and drops the one that ended's", async () => {
    const [demoTitle] = await useTheAccount();
    const options = await session.openOptions();
    const eventbrite = role('region', 'Eventbrite');
    const authWindow = await session.windowOpenedBy(`${demo.issuer}/oauth/authorize`, () =>
      click(options, inside(eventbrite, role('button', 'Sign in'))),
    );
    await logIn(authWindow, 'demo', 'demo');
    await closed(authWindow);
    await appears(options, inside(eventbrite, role('button', 'Sign out')));

    // Both connected: one search asks both, and the popup names each account.
    const both = await session.openPopup();
    expect(await count(both, role('button', 'Sign out'))).toBe(2);
    await appears(both, text('Signed in to Demo as'));
    await appears(both, text('Signed in to Eventbrite as'));
    await search(both, '');
    await expect.poll(async () => new Set(await texts(both, `${EVENT_ITEMS} .source`)).size).toBe(2);
    await both.close();

    await click(options, inside(DEMO_REGION, role('button', 'Sign out')));
    await appears(options, inside(DEMO_REGION, role('button', 'Sign in')));
    expect(await count(options, inside(eventbrite, role('button', 'Sign out')))).toBe(1);

    const { popup, shown } = await openPopupRecorded();
    await appears(popup, text('Signed in to Eventbrite as'));
    expect(await count(popup, role('button', 'Sign out'))).toBe(1);
    expect(await count(popup, text('Signed in to Demo as'))).toBe(0);
    // Eventbrite's share is still cached, and nothing of Demo's.
    const stored = await everythingStored(popup);
    expect(stored).not.toContain(demoTitle!);
    expect(stored).toContain('"provider":"eventbrite"');
    expect(stored).not.toContain('"provider":"demo"');

    await search(popup, '');
    await appears(popup, EVENT_ITEMS);
    expect([...new Set(await texts(popup, `${EVENT_ITEMS} .source`))]).toEqual(['Eventbrite']);
    expect(await shown()).not.toContain(demoTitle!);
  });
});
