import type { Page } from 'puppeteer-core';
import { waitFor, type ExtensionSession } from './harness.ts';
import { appears, click, count, field, fill, role, text } from './queries.ts';

export interface Account {
  login: string;
  password: string;
  name: string;
}
export const DANA: Account = { login: 'demo', password: 'demo', name: 'Dana Demo' };

/** Clicks "Sign in" in `page` and resolves with the auth window it opened at `issuer`. */
export const openAuthWindow = (session: ExtensionSession, page: Page, issuer: string) =>
  session.windowOpenedBy(issuer, () => click(page, role('button', 'Sign in')));

/** Fills the login form; the demo provider's button says "Sign in", the local Eventbrite's "Log in and allow". */
export async function logIn(authWindow: Page, login: string, password: string): Promise<void> {
  await fill(authWindow, field('Username'), login);
  await fill(authWindow, field('Password'), password);
  const submit = (await count(authWindow, role('button', 'Log in and allow')))
    ? 'Log in and allow'
    : 'Sign in';
  await click(authWindow, role('button', submit));
}

/** Resolves once the browser has closed the window (the redirect reached the extension). */
export const closed = (window: Page) => waitFor(async () => window.isClosed(), 'the auth window to close');

/** Allow or deny on the consent page; on either, the server redirects and the browser closes the window. */
export async function decide(authWindow: Page, decision: 'Allow' | 'Deny'): Promise<void> {
  await click(authWindow, role('button', decision));
  await closed(authWindow);
}

/** The whole sign-in as a user does it from `page` (popup or options); resolves once it names the account. */
export async function signIn(
  session: ExtensionSession,
  page: Page,
  issuer: string,
  account: Account = DANA,
): Promise<void> {
  const authWindow = await openAuthWindow(session, page, issuer);
  await logIn(authWindow, account.login, account.password);
  await decide(authWindow, 'Allow');
  await appears(page, text(account.name));
}
