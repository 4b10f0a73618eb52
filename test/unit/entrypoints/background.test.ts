import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { authStates } from '@/lib/settings';
import { syncSettings, syncStatus } from '@/lib/sync-settings';
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
