import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { authStates, searchRequest } from '@/lib/settings';
import { syncSettings, syncStatus } from '@/lib/sync-settings';
import { addressBar, fire, menuItems } from '../../support/fake-menus';
import { grants } from '../../support/fake-permissions';

// The background's wiring, run as WXT's examples do: background.main() with the fake browser, and each
// browser event triggered as the browser would.

const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const send = async (message: unknown) =>
  new Promise<unknown>((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, own, resolve));
const alarm = (name: string) => ({ name, scheduledTime: Date.now(), persistAcrossSessions: false });
/** Lets the background's fire-and-forget work (alarms, storage watchers) settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  fakeBrowser.reset();
  background.main();
});

describe('background.main()', () => {
  test('answers the pages’ messages', async () => {
    expect(await send({ type: 'auth/state' })).toEqual({
      ok: true,
      value: { demo: { status: 'signed-out' }, eventbrite: { status: 'signed-out' } },
    });
    expect(await send({ type: 'auth/sign-out', payload: 'no-such-provider' })).toEqual({
      ok: false,
      error: { code: 'failed' },
    });
  });

  test('creates the sync alarm once, and moves it when the interval changes', async () => {
    await settled();
    expect(await fakeBrowser.alarms.get('sync')).toMatchObject({ periodInMinutes: 30 });
    await syncSettings.setValue({ intervalMinutes: 60, notifications: false });
    await settled();
    // One each: the sync's, moved, and the daily re-read of Interested events.
    const periods = Object.fromEntries(
      (await fakeBrowser.alarms.getAll()).map((alarm) => [alarm.name, alarm.periodInMinutes]),
    );
    expect(periods).toEqual({ sync: 60, 'interested-reread': 24 * 60 });
  });

  test.each([
    ['the sync alarm', () => fakeBrowser.alarms.onAlarm.trigger(alarm('sync'))],
    ['the resume alarm', () => fakeBrowser.alarms.onAlarm.trigger(alarm('sync-resume'))],
    ['the browser starting', () => fakeBrowser.runtime.onStartup.trigger()],
  ])('%s runs a sync cycle', async (_name, fire) => {
    expect(await syncStatus.getValue()).toBeNull();
    await fire();
    await settled();
    // Signed out: the cycle ran and said why it synced nothing.
    expect(await syncStatus.getValue()).toMatchObject({ outcome: { code: 'not-signed-in' } });
  });

  test('another alarm runs nothing', async () => {
    await fakeBrowser.alarms.onAlarm.trigger(alarm('reminder:x'));
    await settled();
    expect(await syncStatus.getValue()).toBeNull();
  });

  test('a sign-in left over from a stopped worker is settled before anything else', async () => {
    fakeBrowser.reset();
    await authStates.demo.setValue({ status: 'signing-in', provider: 'demo', until: Date.now() + 60_000 });
    background.main();
    expect(await send({ type: 'auth/state' })).toEqual({
      ok: true,
      value: {
        demo: { status: 'signed-out', problem: { code: 'interrupted' } },
        eventbrite: { status: 'signed-out' },
      },
    });
  });

  test("0.1.0's session is moved to its provider's keys before any message is answered", async () => {
    fakeBrowser.reset();
    const account = { id: '1', name: 'Ada' };
    await fakeBrowser.storage.local.set({
      authState: { status: 'signed-in', provider: 'demo', account },
      tokens: { provider: 'demo', accessToken: 'at' },
    });
    background.main();
    expect(await send({ type: 'auth/state' })).toMatchObject({
      ok: true,
      value: { demo: { status: 'signed-in', account } },
    });
  });

  test('listens for notification clicks once, however often the permission is granted again', async () => {
    fakeBrowser.reset();
    const listening = vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener');
    background.main();
    expect(listening).toHaveBeenCalledTimes(1);
    await fakeBrowser.permissions.request({ permissions: ['notifications'] });
    await fakeBrowser.permissions.request({ permissions: ['notifications'] });
    expect(grants.permissions.has('notifications')).toBe(true);
    expect(listening).toHaveBeenCalledTimes(1);
  });
});

describe('background.main(): where the user meets Event Scout', () => {
  // The fake browser starts with one blank tab, which has no URL.
  const tabUrls = async () => (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
  const page = (path: string) => fakeBrowser.runtime.getURL(path);

  test('on install into an empty profile: the welcome page, and the context menu item', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settled();
    expect(await tabUrls()).toEqual([page('/welcome.html')]);
    expect(menuItems).toEqual([
      { id: 'search-selection', title: 'Search events for “%s”', contexts: ['selection'] },
    ]);
    expect(addressBar.defaultSuggestion).toEqual({
      description: 'Search events for the words you type, or pick one of the events below',
    });
  });

  test('no welcome page on an update, nor on an install over data already there', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.2.0' });
    await settled();
    expect(await tabUrls()).toEqual([]);
    // The menu is made again, once: an update may have dropped it.
    expect(menuItems).toHaveLength(1);

    // Chromium reports an unpacked extension loaded from its command line as installed at every start.
    fakeBrowser.reset();
    await authStates.demo.setValue({ status: 'signed-out' });
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settled();
    expect(await tabUrls()).toEqual([]);
  });

  test('the menu item searches the selection, tidied, in the panel’s page where no panel opens', async () => {
    fire.menuClicked(
      { menuItemId: 'search-selection', selectionText: '  Open \n Mic ' },
      { windowId: 1, index: 0 },
    );
    await settled();
    expect(fakeBrowser.sidePanel.open).toHaveBeenCalledWith({ windowId: 1 });
    expect(await searchRequest.getValue()).toMatchObject({ query: { text: 'Open Mic' }, from: 'menu' });
    expect(await tabUrls()).toEqual([page('/sidepanel.html')]);
  });

  test('a selection of whitespace, or another item, does nothing', async () => {
    fire.menuClicked({ menuItemId: 'search-selection', selectionText: ' \n\t ' });
    fire.menuClicked({ menuItemId: 'another', selectionText: 'jazz' });
    await settled();
    expect(fakeBrowser.sidePanel.open).not.toHaveBeenCalled();
    expect(await searchRequest.getValue()).toBeNull();
    expect(await tabUrls()).toEqual([]);
  });

  test('the address bar: nothing cached suggests nothing; Enter on words searches them in a new tab', async () => {
    const suggested = await new Promise((suggest) => fire.inputChanged('jazz', suggest));
    expect(suggested).toEqual([]);
    fire.inputEntered('  comedy ', 'newForegroundTab');
    await settled();
    expect(await searchRequest.getValue()).toMatchObject({ query: { text: 'comedy' }, from: 'address-bar' });
    expect(await tabUrls()).toEqual([page('/sidepanel.html')]);
  });
});
