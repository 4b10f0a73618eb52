import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { closed, decide, logIn, openAuthWindow, signIn } from './auth-window';
import { providerKey } from '../../lib/provider-id';
import { e2eFile } from './fixtures';
import type { BrowserName } from './harness';
import { appears, click, inside, role, shownText, text } from './queries';

const { demo, launch } = await e2eFile();

/** The stored token set, read by an extension page (in either browser). */
const storedTokens = (page: Page) =>
  page.evaluate(
    (key) =>
      chrome.storage.local
        .get(key)
        .then((stored) => stored[key] as { accessToken: string; refreshToken?: string } | undefined),
    providerKey('demo', 'tokens'),
  );

async function usersMe(accessToken: string) {
  const response = await fetch(`${demo.apiBase}/users/me/`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

/** A fresh browser whose popup has just opened the auth window. */
async function startSignIn(name: BrowserName) {
  const browser = await launch(name);
  const popup = await browser.openPopup();
  const authWindow = await openAuthWindow(browser, popup, demo.issuer);
  return { browser, popup, authWindow };
}

const alertText = (page: Page) => shownText(page, role('alert'));

describe.each(['chromium', 'firefox'] as const)('%s: signing in from the popup', (name) => {
  test('sign in through the auth window with the popup closed, survive a reload, and sign out so the server rejects the old token', async () => {
    const { browser, popup, authWindow } = await startSignIn(name);
    // What a real popup does when the auth window takes focus; the flow must go on in the background.
    await popup.close();
    await logIn(authWindow, 'demo', 'demo');
    await decide(authWindow, 'Allow');

    const reopened = await browser.openPopup();
    await appears(reopened, text('Dana Demo'));
    await appears(reopened, role('button', 'Sign out'));
    await browser.reload(reopened);
    await appears(reopened, text('Dana Demo'));
    const tokens = await storedTokens(reopened);
    expect(tokens?.refreshToken).toBeTruthy();
    expect((await usersMe(tokens!.accessToken)).status).toBe(200);

    await click(reopened, role('button', 'Sign out'));
    await appears(reopened, role('button', 'Sign in'));
    expect(await storedTokens(reopened)).toBeUndefined();
    const afterSignOut = await usersMe(tokens!.accessToken);
    expect(afterSignOut.status).toBe(401);
    expect(afterSignOut.body.error).toBe('INVALID_AUTH');
  });

  test('the options page shows the account and signs out, and the popup follows', async () => {
    const browser = await launch(name);
    const popup = await browser.openPopup();
    await signIn(browser, popup, demo.issuer, { login: 'sam', password: 'sam-password', name: 'Sam Rivera' });

    const options = await browser.openOptions();
    await appears(options, text('Sam Rivera'));
    const demoRegion = role('region', 'Demo');
    await appears(options, inside(demoRegion, text('Sam Rivera')));
    await click(options, inside(demoRegion, role('button', 'Sign out')));
    await appears(options, inside(demoRegion, role('button', 'Sign in')));
    await appears(popup, role('button', 'Sign in'));
  });
});

describe.each(['chromium', 'firefox'] as const)(
  '%s: a sign-in that does not finish ends in a clear alert, with no token stored',
  (name) => {
    test('closing the auth window', async () => {
      const { popup, authWindow } = await startSignIn(name);
      await appears(popup, inside(role('status'), text('Signing in')));
      await authWindow.close();
      expect(await alertText(popup)).toContain('cancelled');
      expect(
        await popup.$eval(role('button', 'Sign in'), (button) => (button as HTMLButtonElement).disabled),
      ).toBe(false);
      expect(await storedTokens(popup)).toBeUndefined();
    });

    test('denying access on the consent page', async () => {
      const { popup, authWindow } = await startSignIn(name);
      await logIn(authWindow, 'demo', 'demo');
      await decide(authWindow, 'Deny');
      expect(await alertText(popup)).toContain('not allowed');
      expect(await storedTokens(popup)).toBeUndefined();
    });

    test('a wrong password is refused in the auth window and can be corrected', async () => {
      const { popup, authWindow } = await startSignIn(name);
      await logIn(authWindow, 'demo', 'not-the-password');
      expect(await alertText(authWindow)).toContain('Wrong username or password');
      expect(await storedTokens(popup)).toBeUndefined();

      await logIn(authWindow, 'demo', 'demo');
      await decide(authWindow, 'Allow');
      await appears(popup, text('Dana Demo'));
    });

    test('the sign-in server being down', async () => {
      const browser = await launch(name);
      await demo.stop();
      try {
        const popup = await browser.openPopup();
        await click(popup, role('button', 'Sign in'));
        expect(await alertText(popup)).toContain('Could not reach the sign-in server');
        expect(await storedTokens(popup)).toBeUndefined();
      } finally {
        await demo.resume();
      }
    });
  },
);

// Firefox installs the build as a temporary add-on, gone with the browser, and runs an event page that
// no protocol stops: a restart and a stopped worker are Chromium's.
describe('chromium: restarts and a stopped worker', () => {
  test('the token set outlives a browser restart', async () => {
    const browser = await launch('chromium');
    const popup = await browser.openPopup();
    await signIn(browser, popup, demo.issuer);
    const tokens = await storedTokens(popup);

    await browser.close({ keepProfile: true });
    const restarted = await launch('chromium', { profileDir: browser.profileDir });
    const afterRestart = await restarted.openPopup();
    await appears(afterRestart, text('Dana Demo'));
    expect((await storedTokens(afterRestart))?.accessToken).toBe(tokens?.accessToken);
  });

  test('the worker stopped while the auth window is open: a clear alert, and the next sign-in finishes', async () => {
    const { browser, popup, authWindow } = await startSignIn('chromium');
    await popup.close();
    await browser.stopWorkers();
    await authWindow.close().catch(() => undefined);
    await closed(authWindow);

    const reopened = await browser.openPopup();
    expect(await alertText(reopened)).toContain('did not finish');
    await appears(reopened, role('button', 'Sign in'));
    expect(await storedTokens(reopened)).toBeUndefined();

    await signIn(browser, reopened, demo.issuer);
    expect(await storedTokens(reopened)).toMatchObject({ provider: 'demo', accessToken: expect.any(String) });
  });
});
