import { afterAll, afterEach, describe, expect, inject, test } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { addListing } from '../support/listings';
import { launchBrowser, waitFor, type BrowserName, type ExtensionSession } from './browsers';
import type { Page } from 'puppeteer-core';

// The main user flows, the same tests in Debian's Chromium (over the DevTools protocol) and Firefox ESR
// (over WebDriver BiDi), both headless and driven by puppeteer-core, each with its own build.
// Named differences:
// - Firefox runs the background as an event page, not a service worker: the tests that stop Chromium's
//   worker (sign-in.test.ts, sync.test.ts, interruptions.test.ts) have no Firefox twin.
// - Firefox lets the user (and the extension) withdraw MV3 host permissions; Chromium does not let an
//   extension remove its required ones, so "Allow access" is tested in Firefox.

// The run's demo server for this file, on the port the extension was built for.
const demo = await startDemoServer({ port: inject('demoPort') });
afterAll(() => demo.close());
let session: ExtensionSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const BUILDS: Record<BrowserName, () => string> = {
  chromium: () => inject('chromeExtensionDir'),
  firefox: () => inject('firefoxExtensionDir'),
};
const launch = async (name: BrowserName) => (session = await launchBrowser(name, BUILDS[name]()));

const searches = () => demo.requestCount('GET /v3/events/search/');

/** The visible text of the page, for "is it there yet" checks. */
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
const eventCount = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('[aria-label="Events"] > li').length);
// `chrome.*` in both: Firefox offers it next to `browser.*`.
const badge = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const storedTokens = (page: Page) =>
  page.evaluate(() =>
    chrome.storage.local.get('tokens').then(({ tokens }) => tokens as { accessToken?: string } | undefined),
  );

/** Clicks the button with this accessible name, as a user would (real input, not a synthetic event). */
const clickButton = (page: Page, name: string) =>
  page.locator(`::-p-aria([name="${name}"][role="button"])`).click();

async function search(page: Page, text: string) {
  await page.locator('::-p-aria([name="Search events"][role="searchbox"])').fill(text);
  await page.keyboard.press('Enter');
}

/** Clicks "Sign in" in `popup`, logs in and allows access in the auth window that opens. */
async function signIn(browser: ExtensionSession, popup: Page) {
  const before = new Set(await browser.browser.pages());
  await clickButton(popup, 'Sign in');
  const authWindow = await waitFor(
    async () =>
      (await browser.browser.pages()).find(
        (page) => !before.has(page) && page.url().startsWith(demo.issuer),
      ) ?? false,
    'the auth window',
  );
  await authWindow.locator('#login').fill('demo');
  await authWindow.locator('#password').fill('demo');
  await authWindow.locator('button[type="submit"]').click();
  await authWindow.locator('button[value="allow"]').click();
  await waitFor(
    async () => (await pageText(popup)).includes('Dana Demo') || false,
    'the account name in the popup',
  );
}

describe.each(['chromium', 'firefox'] as const)('%s', (name) => {
  test('sign in through the auth window, search, reopen with cached results, sign out', async () => {
    const browser = await launch(name);
    const popup = await browser.openPopup();
    await signIn(browser, popup);
    expect((await storedTokens(popup))?.accessToken).toBeTruthy();

    await search(popup, 'jazz');
    await waitFor(async () => (await eventCount(popup)) === 50 || false, '50 results');
    expect(await pageText(popup)).toMatch(/50 events/);

    // Reopened: the last query and its results from the cache, without asking the server again.
    const before = searches();
    const reopened = await browser.openPopup();
    await waitFor(async () => (await eventCount(reopened)) === 50 || false, 'the cached results');
    expect(
      await reopened.evaluate(() => document.querySelector<HTMLInputElement>('input[type="search"]')!.value),
    ).toBe('jazz');
    await waitFor(async () => /50 events/.test(await pageText(reopened)) || false, 'the status to settle');
    expect(searches()).toBe(before);

    await clickButton(reopened, 'Sign out');
    await waitFor(
      async () => (await reopened.$('::-p-aria([name="Sign in"][role="button"])')) ?? false,
      'the Sign in button',
    );
    expect(await storedTokens(reopened)).toBeUndefined();
  });

  test('save a search; a new listing raises the badge after a sync, and the popup clears it', async () => {
    const browser = await launch(name);
    const popup = await browser.openPopup();
    await signIn(browser, popup);
    await search(popup, 'ukulele');
    await waitFor(
      async () => /\d+ events?|No events match/.test(await pageText(popup)) || false,
      'the search to finish',
    );
    await clickButton(popup, 'Save search');
    await waitFor(
      async () =>
        (await popup.$('::-p-aria([name="Save search"][role="button"])[aria-pressed="true"]')) ?? false,
      'Save search pressed',
    );
    expect(await badge(popup)).toBe('');

    const title = `Ukulele Jam in ${name}`;
    addListing(demo, title);
    const options = await browser.openOptions();
    await waitFor(
      async () => (await pageText(options)).includes('ukulele') || false,
      'the saved search in options',
    );
    await clickButton(options, 'Sync now');
    await waitFor(async () => (await badge(options)) === '1' || false, 'the badge to show 1');

    const reopened = await browser.openPopup();
    await waitFor(
      async () => (await pageText(reopened)).includes(title) || false,
      'the new listing in the popup',
    );
    await waitFor(async () => (await badge(reopened)) === '' || false, 'the badge to clear');
  });
});

describe('firefox only', () => {
  test('host permission withdrawn: the popup says so, and "Allow access" brings it back', async () => {
    const browser = await launch('firefox');
    const popup = await browser.openPopup();
    await signIn(browser, popup);
    const origins = [`${demo.issuer}/*`];
    // What a user does in about:addons → Permissions; an extension may do the same for itself.
    expect(await popup.evaluate((origins) => chrome.permissions.remove({ origins }), origins)).toBe(true);

    const reopened = await browser.openPopup();
    await waitFor(
      async () =>
        (await pageText(reopened)).includes('Event Scout needs your permission to reach 127.0.0.1') || false,
      'the access notice',
    );
    const before = searches();
    await search(reopened, 'jazz');
    await waitFor(
      async () => (await pageText(reopened)).includes('not allowed to reach the events service') || false,
      'the search to say why it cannot run',
    );
    expect(searches()).toBe(before);

    await clickButton(reopened, 'Allow access');
    await waitFor(
      async () => !(await pageText(reopened)).includes('needs your permission') || false,
      'the notice to go',
    );
    expect(await reopened.evaluate((origins) => chrome.permissions.contains({ origins }), origins)).toBe(
      true,
    );
    // The search that failed for want of access runs again by itself.
    await waitFor(async () => (await eventCount(reopened)) === 50 || false, 'the results');
  });
});
