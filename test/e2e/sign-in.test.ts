import { afterAll, afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { clickAndWaitForAuthWindow, decide, logIn, signInFromPopup } from './auth-window';
import { launchExtension, type ExtensionBrowser } from './chromium';

// The run's demo server for this file, on the port the extension was built for.
const demo = await startDemoServer({ port: inject('demoPort') });
afterAll(() => demo.close());
let ext: ExtensionBrowser;

beforeEach(async () => {
  ext = await launchExtension(inject('chromeExtensionDir'));
});
afterEach(() => ext.close());

async function storedTokens(): Promise<{ accessToken: string; refreshToken?: string } | undefined> {
  const worker = await ext.worker();
  const { tokens } = await worker.evaluate(() => chrome.storage.local.get('tokens'));
  return tokens as { accessToken: string; refreshToken?: string } | undefined;
}

async function usersMe(accessToken: string) {
  const response = await fetch(`${demo.apiBase}/users/me/`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

describe('signing in from the popup', () => {
  test('sign in through the auth window, survive a reload and a browser restart, and sign out so the server rejects the old token', async () => {
    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, demo.issuer, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    // What a real popup does when the auth window takes focus; the flow must go on in the background.
    await popup.close();

    await logIn(authWindow, 'demo', 'demo');
    await decide(authWindow, 'Allow');

    const reopened = await ext.openPopup();
    await reopened.getByText('Dana Demo').waitFor();
    expect(await reopened.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    await reopened.reload();
    await reopened.getByText('Dana Demo').waitFor();
    const tokens = await storedTokens();

    // The token set outlives the browser, as the old script's token.json did.
    await ext.close({ keepProfile: true });
    ext = await launchExtension(inject('chromeExtensionDir'), { profileDir: ext.profileDir });
    const afterRestart = await ext.openPopup();
    await afterRestart.getByText('Dana Demo').waitFor();
    expect((await storedTokens())?.accessToken).toBe(tokens?.accessToken);

    expect(tokens?.refreshToken).toBeTruthy();
    expect((await usersMe(tokens!.accessToken)).status).toBe(200);

    await afterRestart.getByRole('button', { name: 'Sign out' }).click();
    await afterRestart.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await storedTokens()).toBeUndefined();
    const afterSignOut = await usersMe(tokens!.accessToken);
    expect(afterSignOut.status).toBe(401);
    expect(afterSignOut.body.error).toBe('INVALID_AUTH');
  });

  test('the options page shows the account and signs out', async () => {
    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, demo.issuer, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    await logIn(authWindow, 'sam', 'sam-password');
    await decide(authWindow, 'Allow');
    await popup.getByText('Sam Rivera').waitFor();

    const options = await ext.openOptions();
    await options.getByText('Sam Rivera').waitFor();
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Sign in' }).waitFor();
    // The popup follows the same state.
    await popup.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});

describe('a sign-in that does not finish ends in a clear alert, with no token stored', () => {
  test('closing the auth window', async () => {
    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, demo.issuer, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    await popup.getByRole('status').getByText('Signing in').waitFor();
    await authWindow.close();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('cancelled');
    expect(await popup.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    expect(await storedTokens()).toBeUndefined();
  });

  test('denying access on the consent page', async () => {
    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, demo.issuer, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    await logIn(authWindow, 'demo', 'demo');
    await decide(authWindow, 'Deny');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('not allowed');
    expect(await storedTokens()).toBeUndefined();
  });

  test('a wrong password is refused in the auth window and can be corrected', async () => {
    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, demo.issuer, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    await logIn(authWindow, 'demo', 'not-the-password');
    expect(await authWindow.getByRole('alert').textContent()).toContain('Wrong username or password');
    expect(await storedTokens()).toBeUndefined();

    await logIn(authWindow, 'demo', 'demo');
    await decide(authWindow, 'Allow');
    await popup.getByText('Dana Demo').waitFor();
  });

  test('the sign-in server being down', async () => {
    await demo.stop();
    try {
      const popup = await ext.openPopup();
      await popup.getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(() => popup.getByRole('alert').textContent())
        .toContain('Could not reach the sign-in server');
      expect(await storedTokens()).toBeUndefined();
    } finally {
      await demo.resume();
    }
  });

  test('the worker stopped while the auth window is open', async () => {
    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, demo.issuer, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    await popup.close();
    await ext.stopWorkers();
    await authWindow.close().catch(() => undefined);

    const reopened = await ext.openPopup();
    await expect.poll(() => reopened.getByRole('alert').textContent()).toContain('did not finish');
    expect(await reopened.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await storedTokens()).toBeUndefined();

    // The next sign-in starts afresh and finishes.
    await signInFromPopup(ext.context, reopened, demo.issuer);
    expect(await storedTokens()).toMatchObject({ provider: 'demo', accessToken: expect.any(String) });
  });
});
