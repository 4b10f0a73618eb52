import { afterAll, afterEach, describe, expect, inject, test } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { addListing } from '../support/listings';
import { launchSignedIn } from './auth-window';
import type { ExtensionBrowser } from './chromium';
import type { Page } from 'playwright-core';

// The run's demo server for this file, on the port the extension was built for.
const demo = await startDemoServer({ port: inject('demoPort') });
afterAll(() => demo.close());
let ext: ExtensionBrowser;

afterEach(() => ext?.close());

const addEvent = (title: string) => addListing(demo, title);

async function badge(): Promise<string> {
  const worker = await ext.worker();
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

async function lastSync(): Promise<{ at: number; outcome: string; found: number } | undefined> {
  const worker = await ext.worker();
  return (await worker.evaluate(() => chrome.storage.local.get('syncStatus'))).syncStatus as never;
}

async function searchAndSave(popup: Page, text: string) {
  const searchbox = popup.getByRole('searchbox', { name: 'Search events' });
  await searchbox.fill(text);
  await searchbox.press('Enter');
  await expect
    .poll(() => popup.getByRole('status').textContent())
    .toMatch(/^(\d+ events?|No events match.*)$/);
  const save = popup.getByRole('button', { name: 'Save search' });
  await save.click();
  await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
}

async function signedIn(): Promise<Page> {
  const session = await launchSignedIn(inject('chromeExtensionDir'), demo.issuer, {
    timezoneId: 'Europe/Berlin',
  });
  ext = session.ext;
  return session.popup;
}

describe('saved searches keep syncing', () => {
  test('a new match raises the badge once, the popup marks it new and clears the badge', async () => {
    const popup = await signedIn();
    await searchAndSave(popup, 'ukulele');
    expect(await badge()).toBe('');

    const listing = addEvent('Ukulele Jam for Beginners');
    const options = await ext.openOptions();
    await options.getByRole('button', { name: 'Rename “ukulele”' }).waitFor();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(badge).toBe('1');
    expect(await lastSync()).toMatchObject({ outcome: { code: 'synced' }, found: 1 });

    // A cycle through the alarm handler, with nothing new: the badge stays at 1.
    const before = (await lastSync())!.at;
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.alarms.create('sync-resume', { when: Date.now() + 50 }));
    await expect.poll(async () => (await lastSync())!.at, { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await lastSync()).toMatchObject({ outcome: { code: 'synced' }, found: 0 });
    expect(await badge()).toBe('1');

    await popup.close();
    const reopened = await ext.openPopup();
    const item = reopened.getByRole('listitem').filter({ hasText: listing.name.text });
    await item.getByText('New', { exact: true }).waitFor();
    await expect.poll(badge).toBe('');
    await reopened.getByRole('region', { name: 'New events' }).getByText('ukulele · 1 new').waitFor();
  });

  test('"Sync now" in the popup shows what it found', async () => {
    const popup = await signedIn();
    await searchAndSave(popup, 'theremin');
    addEvent('Theremin Night');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByText('1 new event.').waitFor();
    await popup
      .getByRole('listitem')
      .filter({ hasText: 'Theremin Night' })
      .getByText('New', { exact: true })
      .waitFor();
    expect(await badge()).toBe('');
  });

  test('a cycle stopped with its worker resumes, with no event missing or doubled', async () => {
    const popup = await signedIn();
    const topics = ['kazoo', 'bagpipe', 'harpsichord'];
    for (const topic of topics) await searchAndSave(popup, topic);
    const added = topics.map((topic) => addEvent(`${topic[0]!.toUpperCase()}${topic.slice(1)} Evening`));

    // Slow answers, so the cycle is caught between two saved searches.
    demo.injectFaults({ delayMs: 200 }, { delayMs: 4000 }, { delayMs: 4000 });
    const options = await ext.openOptions();
    void options.getByRole('button', { name: 'Sync now' }).click();
    const worker = await ext.worker();
    await expect
      .poll(
        async () =>
          (
            (await worker.evaluate(() => chrome.storage.local.get('syncProgress'))).syncProgress as
              { pending: string[] } | undefined
          )?.pending.length,
      )
      .toBe(2);
    await ext.stopWorkers();
    await options.close();

    const again = await ext.openOptions();
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(badge, { timeout: 20_000 }).toBe('3');
    const restarted = await ext.worker();
    const state = await restarted.evaluate(async () => {
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
    expect(state.sort()).toEqual(added.map((event) => event.id).sort());
  });
});
