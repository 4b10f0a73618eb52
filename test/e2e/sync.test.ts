import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { addListing } from '../support/listings';
import { e2eFile } from './fixtures';
import type { BrowserName, ExtensionSession } from './harness';
import { appears, attribute, click, inside, itemsShowing, role, search, text, textOf } from './queries';

const { demo, launchSignedIn } = await e2eFile();
/** The test's browser, for reopening pages in it. */
let session: ExtensionSession;

const addEvent = (title: string) => addListing(demo, title);

// Read by an extension page, in either browser (`chrome.*` in both: Firefox offers it next to `browser.*`).
const badge = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const lastSync = (page: Page) =>
  page.evaluate(
    async () =>
      (await chrome.storage.local.get('syncStatus')).syncStatus as
        { at: number; outcome: { code: string }; found: number } | undefined,
  );

async function searchAndSave(popup: Page, query: string) {
  await search(popup, query);
  await expect.poll(() => textOf(popup, role('status'))).toMatch(/^(\d+ events?|No events match.*)$/);
  await click(popup, role('button', 'Save search'));
  await expect.poll(() => attribute(popup, role('button', 'Save search'), 'aria-pressed')).toBe('true');
}

async function signedIn(name: BrowserName = 'chromium'): Promise<Page> {
  const signedIn = await launchSignedIn(name, { timeZone: 'Europe/Berlin' });
  session = signedIn.session;
  return signedIn.popup;
}

describe.each(['chromium', 'firefox'] as const)('%s: saved searches keep syncing', (name) => {
  test('a new match raises the badge once, the popup marks it new and clears the badge', async () => {
    const popup = await signedIn(name);
    await searchAndSave(popup, 'ukulele');
    expect(await badge(popup)).toBe('');

    const listing = addEvent(`Ukulele Jam in ${name}`);
    const options = await session.openOptions();
    await appears(options, role('button', 'Rename “ukulele”'));
    await click(options, role('button', 'Sync now'));
    await expect.poll(() => badge(options), { timeout: 10_000 }).toBe('1');
    expect(await lastSync(options)).toMatchObject({ outcome: { code: 'synced' }, found: 1 });

    // A cycle through the alarm handler, with nothing new: the badge stays at 1.
    const before = (await lastSync(options))!.at;
    await options.evaluate(() => chrome.alarms.create('sync-resume', { when: Date.now() + 50 }));
    await expect.poll(async () => (await lastSync(options))!.at, { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await lastSync(options)).toMatchObject({ outcome: { code: 'synced' }, found: 0 });
    expect(await badge(options)).toBe('1');

    await popup.close();
    const reopened = await session.openPopup();
    await appears(reopened, text(listing.name.text));
    expect(await itemsShowing(reopened, listing.name.text)).toEqual([expect.stringContaining('New')]);
    await expect.poll(() => badge(reopened)).toBe('');
    await appears(reopened, inside(role('region', 'New events'), text('ukulele · 1 new')));
  });
});

describe('chromium: syncing', () => {
  test('"Sync now" in the popup shows what it found', async () => {
    const popup = await signedIn();
    await searchAndSave(popup, 'theremin');
    addEvent('Theremin Night');
    await click(popup, role('button', 'Sync now'));
    await appears(popup, text('1 new event.'));
    expect(await itemsShowing(popup, 'Theremin Night')).toEqual([expect.stringContaining('New')]);
    expect(await badge(popup)).toBe('');
  });

  test('a cycle stopped with its worker resumes, with no event missing or doubled', async () => {
    const popup = await signedIn();
    const topics = ['kazoo', 'bagpipe', 'harpsichord'];
    for (const topic of topics) await searchAndSave(popup, topic);
    const added = topics.map((topic) => addEvent(`${topic[0]!.toUpperCase()}${topic.slice(1)} Evening`));

    // Slow answers, so the cycle is caught between two saved searches.
    demo.injectFaults({ delayMs: 200 }, { delayMs: 4000 }, { delayMs: 4000 });
    const options = await session.openOptions();
    await click(options, role('button', 'Sync now'));
    const backstage = await session.backstage();
    await expect
      .poll(
        async () =>
          (
            (await backstage.evaluate(() => chrome.storage.local.get('syncProgress'))).syncProgress as
              { pending: string[] } | undefined
          )?.pending.length,
      )
      .toBe(2);
    await session.stopWorkers();
    await options.close();

    const again = await session.openOptions();
    await click(again, role('button', 'Sync now'));
    await expect.poll(() => badge(again), { timeout: 20_000 }).toBe('3');
    const newIds = await backstage.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('event-scout-cache');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      const records = await new Promise<{ newIds: string[] }[]>((resolve) => {
        const request = db.transaction('syncState').objectStore('syncState').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return records.flatMap((record) => record.newIds);
    });
    expect(newIds.sort()).toEqual(added.map((event) => event.id).sort());
  });
});
