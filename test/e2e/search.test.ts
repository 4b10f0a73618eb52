import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { signInFromPopup } from './auth-window';
import { launchExtension, type ExtensionBrowser } from './chromium';

let demo: DemoServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  demo = await startDemoServer({ port: inject('demoPort') });
});
afterAll(() => demo.close());
beforeEach(async () => {
  ext = await launchExtension(inject('chromeExtensionDir'), { timezoneId: 'America/New_York' });
});
afterEach(() => ext.close());

const searches = () => demo.requestCount('GET /v3/events/search/');

describe('searching from the popup', () => {
  test('search, reopen with cached results at once, Refresh, More', async () => {
    const popup = await ext.openPopup();
    await signInFromPopup(ext.context, popup, demo.issuer);

    const searchbox = popup.getByRole('searchbox', { name: 'Search events' });
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search events');
    await searchbox.fill('jazz');
    await searchbox.press('Enter');
    const list = popup.getByRole('list', { name: 'Events' });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(50);
    expect(await popup.getByRole('status').textContent()).toBe('50 events');
    const first = list.getByRole('listitem').first();
    const link = first.getByRole('link');
    expect(await link.textContent()).toMatch(/jazz/i);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/demo\.event-scout\.test\/e\/\d+$/);

    // Reopened: the last query and its results, before the background answers.
    const before = searches();
    const reopened = await ext.openPopup();
    await reopened.getByRole('list', { name: 'Events' }).getByRole('listitem').first().waitFor();
    expect(await reopened.getByRole('searchbox', { name: 'Search events' }).inputValue()).toBe('jazz');
    expect(await reopened.getByRole('list', { name: 'Events' }).getByRole('listitem').count()).toBe(50);
    await expect.poll(() => reopened.getByRole('status').textContent()).toBe('50 events');
    expect(searches()).toBe(before); // fresh cache: no request at all

    await reopened.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => searches()).toBe(before + 1);
    await expect.poll(() => reopened.getByRole('status').textContent()).toBe('50 events');

    await reopened.getByRole('button', { name: 'More' }).click();
    await expect.poll(() => reopened.getByRole('list', { name: 'Events' }).getByRole('listitem').count()).toBeGreaterThan(50);
    const titles = await reopened.getByRole('list', { name: 'Events' }).getByRole('link').allTextContents();
    expect(new Set(await reopened.getByRole('list', { name: 'Events' }).getByRole('listitem').evaluateAll((items) => items.map((item) => item.querySelector('a')?.href))).size).toBe(titles.length);
  });
});
