import type { BrowserContext, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './chromium.ts';

/** Starts waiting for the auth window before the click that opens it, so the event cannot be missed. */
export async function clickAndWaitForAuthWindow(
  context: BrowserContext,
  issuer: string,
  click: () => Promise<void>,
): Promise<Page> {
  const authWindow = context.waitForEvent('page', {
    predicate: (page) => page.url().startsWith(issuer),
    timeout: 15_000,
  });
  await click();
  const page = await authWindow;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** Fills the login form; the demo provider's button says "Sign in", the local Eventbrite's "Log in and allow". */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /^(Sign in|Log in and allow)$/ }).click();
}

/** Allow or deny on the consent page; on either, the server redirects and Chrome closes the window. */
export async function decide(page: Page, decision: 'Allow' | 'Deny'): Promise<void> {
  const closed = page.waitForEvent('close');
  await page.getByRole('button', { name: decision }).click();
  await closed;
}

/** The whole sign-in as a user does it from the popup; resolves once the popup names the account. */
export async function signInFromPopup(
  context: BrowserContext,
  popup: Page,
  issuer: string,
  account = { login: 'demo', password: 'demo', name: 'Dana Demo' },
): Promise<void> {
  const authWindow = await clickAndWaitForAuthWindow(context, issuer, () =>
    popup.getByRole('button', { name: 'Sign in' }).click(),
  );
  await logIn(authWindow, account.login, account.password);
  await decide(authWindow, 'Allow');
  await popup.getByText(account.name).waitFor();
}

/** A fresh browser with the extension, signed in as Dana from the popup, which is returned open. */
export async function launchSignedIn(
  extensionDir: string,
  issuer: string,
  options: Parameters<typeof launchExtension>[1] = {},
): Promise<{ ext: ExtensionBrowser; popup: Page }> {
  const ext = await launchExtension(extensionDir, options);
  const popup = await ext.openPopup();
  await signInFromPopup(ext.context, popup, issuer);
  return { ext, popup };
}
