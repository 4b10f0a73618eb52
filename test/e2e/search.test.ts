import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, inject, test } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { RETRY_POLICY } from '../../lib/retry-policy';
import { clickAndWaitForAuthWindow, launchSignedIn, logIn } from './auth-window';
import { axeViolations } from './axe';
import { launchExtension, type ExtensionBrowser } from './chromium';
import type { Page } from 'playwright-core';
import { allOf, expectAll } from '../support/every';

// The run's demo server for this file, on the port the extension was built for.
const demo = await startDemoServer({ port: inject('demoPort') });
afterAll(() => demo.close());
let ext: ExtensionBrowser;

afterEach(() => ext?.close());

const searches = () => demo.requestCount('GET /v3/events/search/');
const eventsList = (page: Page) => page.getByRole('list', { name: 'Events' });
const items = (page: Page) => eventsList(page).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');

async function search(page: Page, text: string) {
  const searchbox = page.getByRole('searchbox', { name: 'Search events' });
  await searchbox.fill(text);
  await searchbox.press('Enter');
}

async function signedInPopup(options: { colorScheme?: 'light' | 'dark' } = {}) {
  const session = await launchSignedIn(inject('chromeExtensionDir'), demo.issuer, {
    timezoneId: 'America/New_York',
    ...options,
  });
  ext = session.ext;
  return session.popup;
}

describe('searching from the popup (America/New_York)', () => {
  test('search, reopen with cached results at once, Refresh, More', async () => {
    const popup = await signedInPopup();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search events');
    await search(popup, 'jazz');
    await items(popup).first().waitFor();
    expect(await items(popup).count()).toBe(50);
    expect(await status(popup).textContent()).toBe('50 events');

    const link = items(popup).first().getByRole('link');
    expect(await link.textContent()).toMatch(/jazz/i);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/demo\.event-scout\.test\/e\/\d+$/);
    // The event's own zone, labelled, and the user's clock where it differs (no jazz in New York tonight is a fluke, not a rule).
    const whenTexts = await eventsList(popup).locator('.event-when').allTextContents();
    expectAll(whenTexts, (text) => /(time|UTC)/.test(text));
    expect(whenTexts.some((text) => /your time/.test(text))).toBe(true);

    // Reopened: the last query and its results, before the background answers.
    const before = searches();
    const reopened = await ext.openPopup();
    await items(reopened).first().waitFor();
    expect(await reopened.getByRole('searchbox', { name: 'Search events' }).inputValue()).toBe('jazz');
    expect(await items(reopened).count()).toBe(50);
    await expect.poll(() => status(reopened).textContent()).toBe('50 events');
    expect(searches()).toBe(before); // fresh: no request at all

    await reopened.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => searches()).toBe(before + 1);
    await expect.poll(() => status(reopened).textContent()).toBe('50 events');

    await reopened.getByRole('button', { name: 'More' }).click();
    await expect.poll(() => items(reopened).count()).toBe(100);
    const hrefs = await eventsList(reopened)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(new Set(hrefs).size).toBe(100);
  });

  test('filters: place, dates, online only, free only', async () => {
    const popup = await signedInPopup();
    await popup.getByRole('textbox', { name: 'Place' }).fill('Tokyo');
    await search(popup, '');
    await items(popup).first().waitFor();
    expectAll(await eventsList(popup).locator('.event-where').allTextContents(), (text) =>
      text.includes('Tokyo'),
    );

    await popup.getByRole('textbox', { name: 'Place' }).fill('');
    await popup.getByRole('checkbox', { name: 'Online only' }).check();
    await expect
      .poll(async () =>
        allOf(await eventsList(popup).locator('.event-where').allTextContents(), (text) =>
          text.startsWith('Online'),
        ),
      )
      .toBe(true);
    expect(await eventsList(popup).locator('.event-when').first().textContent()).toContain('your time');

    await popup.getByRole('checkbox', { name: 'Free only' }).check();
    await expect
      .poll(async () =>
        allOf(await eventsList(popup).locator('.event-where').allTextContents(), (text) =>
          text.includes('Free'),
        ),
      )
      .toBe(true);

    await popup.getByRole('combobox', { name: 'Dates' }).selectOption({ label: 'Next 7 days' });
    await expect.poll(() => status(popup).textContent()).toMatch(/^\d+ events?$|^No events match/);
    const starts = await eventsList(popup)
      .locator('time')
      .evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute('datetime')!)));
    expectAll(starts, (start) => start <= Date.now() + 7 * 86_400_000);
  });

  test('offline: the last results with a banner, and typing filters the cached events', async () => {
    const popup = await signedInPopup();
    await search(popup, 'night');
    await items(popup).first().waitFor();
    await demo.stop();
    try {
      const reopened = await ext.openPopup();
      await items(reopened).first().waitFor();
      await reopened.getByRole('button', { name: 'Refresh' }).click();
      // A refused connection is retried with backoff first (lib/retry-policy.ts): up to 1.5 s more.
      await expect
        .poll(() => status(reopened).textContent(), { timeout: 5_000 })
        .toMatch(/^Offline · 50 events/);
      await reopened.getByText('You are offline').waitFor();
      expect(await items(reopened).count()).toBe(50);

      await reopened.getByRole('searchbox', { name: 'Search events' }).fill('night winter');
      await expect
        .poll(() => status(reopened).textContent())
        .toMatch(/^Offline · \d+ events? saved on this device match/);
      const titles = await eventsList(reopened).getByRole('link').allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expectAll(titles, (title) => /night/i.test(title) && /winter/i.test(title));
    } finally {
      await demo.resume();
    }
  });

  test('an API failure ends in an alert with a way to retry', async () => {
    const popup = await signedInPopup();
    // On every attempt the retry policy makes, so the failure reaches the user.
    demo.injectFaults(
      ...Array.from({ length: RETRY_POLICY.attempts }, () => ({ status: 500, error: 'INTERNAL_ERROR' })),
    );
    await search(popup, 'salsa');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('trouble');
    await popup.getByRole('button', { name: 'Try again' }).click();
    await items(popup).first().waitFor();
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  test('keyboard only: from the searchbox to a result and to More', async () => {
    const popup = await signedInPopup();
    await popup.keyboard.type('jazz');
    await popup.keyboard.press('Enter');
    await items(popup).first().waitFor();
    const reached: string[] = [];
    for (let step = 0; step < 120 && !reached.includes('More'); step++) {
      await popup.keyboard.press('Tab');
      reached.push(
        await popup.evaluate(() => {
          const focused = document.activeElement as HTMLInputElement | null;
          const name =
            focused?.getAttribute('aria-label') ||
            focused?.labels?.[0]?.innerText ||
            focused?.innerText ||
            '';
          return name.trim().split('\n')[0]!;
        }),
      );
    }
    expect(reached.slice(0, 5)).toEqual(['Search', 'Place', 'Dates', 'Online only', 'Free only']);
    expect(reached).toContain(await items(popup).first().getByRole('link').textContent());
    expect(reached).toContain('Refresh');
    expect(reached).toContain('More');
    await popup.keyboard.press('Enter');
    await expect.poll(() => items(popup).count()).toBe(100);
  });
});

/** Where the screenshots go: the README's only from `npm run screenshots`, so a test run rewrites no tracked file. */
const SCREENSHOTS = process.env.EVENT_SCOUT_SCREENSHOTS ?? 'test-results/screenshots';

describe('how it looks', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: no axe violations, and a screenshot for the README`, async () => {
      const popup = await signedInPopup({ colorScheme });
      await popup.setViewportSize({ width: 380, height: 600 });
      await search(popup, 'jazz');
      await items(popup).first().waitFor();
      expect(await axeViolations(popup)).toEqual([]);
      await mkdir(SCREENSHOTS, { recursive: true });
      await popup.screenshot({ path: `${SCREENSHOTS}/popup-${colorScheme}.png` });

      const options = await ext.openOptions();
      await options.getByText('Dana Demo').waitFor();
      expect(await axeViolations(options)).toEqual([]);
    });
  }

  test('signed out: no axe violations', async () => {
    ext = await launchExtension(inject('chromeExtensionDir'));
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
  });
});

describe('the eventbrite provider against the local Eventbrite', () => {
  test('choose it in options, sign in with the client-side flow, search orders and followed organizers', async () => {
    const retiredSearches = searches();
    ext = await launchExtension(inject('chromeExtensionDir'), { timezoneId: 'Europe/London' });
    const options = await ext.openOptions();
    const providerSection = options.getByRole('region', { name: 'Events provider' });
    await providerSection.getByRole('radio', { name: 'Eventbrite' }).check();
    await providerSection.getByLabel('Organizer ids').fill('5003, abc');
    await providerSection.getByRole('button', { name: 'Save' }).click();
    await providerSection.getByText('is not an organizer id').waitFor();
    await providerSection.getByLabel('Organizer ids').fill('5003, 5004');
    await providerSection.getByRole('button', { name: 'Save' }).click();
    await providerSection.getByRole('status').getByText('Saved.').waitFor();

    const popup = await ext.openPopup();
    const authWindow = await clickAndWaitForAuthWindow(ext.context, `${demo.issuer}/oauth/authorize`, () =>
      popup.getByRole('button', { name: 'Sign in' }).click(),
    );
    const closed = authWindow.waitForEvent('close');
    await logIn(authWindow, 'demo', 'demo');
    await closed;
    await popup.getByText('Dana Demo').waitFor();

    const before = demo.requestCount('GET /v3/organizers/5003/events/');
    await search(popup, '');
    await items(popup).first().waitFor();
    expect(demo.requestCount('GET /v3/organizers/5003/events/')).toBe(before + 1);
    expect(await items(popup).count()).toBeGreaterThan(10);

    await search(popup, 'yoga');
    await expect
      .poll(async () =>
        allOf(await eventsList(popup).getByRole('link').allTextContents(), (title) => /yoga/i.test(title)),
      )
      .toBe(true);
    // Eventbrite retired its search: this provider never calls it.
    expect(searches()).toBe(retiredSearches);
  });
});
