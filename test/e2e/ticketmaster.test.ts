import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO_TICKETMASTER_KEY } from '../../demo/ticketmaster-api';
import { RETRY_POLICY } from '../../lib/retry-policy';
import { expectAll } from '../support/every';
import { e2eFile } from './fixtures';
import type { ExtensionSession } from './harness';
import {
  EVENT_ITEMS,
  EVENTS,
  SEARCHBOX,
  appears,
  attribute,
  click,
  count,
  field,
  fill,
  inside,
  role,
  search,
  shownText,
  text,
  textOf,
} from './queries';

// Ticketmaster beside the demo provider, in Chromium and Firefox, against the demo server's Discovery: the key in
// Options, a search with Ticketmaster alone, both providers merged, one failing, one disconnected.

const { demo, launch, launchSignedIn } = await e2eFile();
const KEY_FIELD = field('API key');
const ticketmasterRequests = () => demo.requestCount('GET /discovery/v2/events.json');

/** Saves `key` in Options' Ticketmaster section; returns the options page. */
async function saveKey(session: ExtensionSession, key: string): Promise<Page> {
  const options = await session.openOptions();
  await fill(options, KEY_FIELD, key);
  await click(options, inside(role('region', 'Ticketmaster'), role('button', 'Save')));
  return options;
}

/** Each shown result's source and the `datetime` of its start, in list order. */
const results = (page: Page) =>
  page.$$eval(`${EVENT_ITEMS}`, (items) =>
    items.map((item) => ({
      source: item.querySelector('.source')?.textContent ?? '',
      datetime: item.querySelector('time')?.getAttribute('datetime') ?? '',
      text: (item as HTMLElement).innerText,
    })),
  );

/** Exact starts never go backwards down the list (a date alone sorts at its day's start). */
function expectStartOrder(shown: { datetime: string }[]) {
  const exact = shown.map((item) => item.datetime).filter((datetime) => datetime.includes('T'));
  expect(exact.length).toBeGreaterThan(0);
  expect(exact).toEqual([...exact].sort());
}

describe.each(['chromium', 'firefox'] as const)('%s: Ticketmaster beside the demo provider', (name) => {
  test('with nothing connected, "Sign in" comes first, then "Connect Eventbrite" and "Add a Ticketmaster key", which opens Options', async () => {
    const session = await launch(name);
    const popup = await session.openPopup();
    await appears(popup, role('button', 'Sign in'));
    const buttons = await popup.$$eval('button', (all) => all.map((button) => button.textContent));
    // "My events" after them: kept events are the user's, connected or not.
    expect(buttons).toEqual(['Sign in', 'Connect Eventbrite', 'Add a Ticketmaster key', 'My events']);
    // Firefox shows an add-on's options inside about:addons, which its WebDriver BiDi session does not
    // list among the pages: the window it opens is checked in Chromium.
    if (name === 'firefox') return;
    const options = await session.windowOpenedBy(`${session.origin}/options.html`, () =>
      click(popup, role('button', 'Add a Ticketmaster key')),
    );
    await appears(options, KEY_FIELD);
  });

  test('a key Ticketmaster refuses is said so next to the field and not kept; a good one is', async () => {
    const session = await launch(name);
    const options = await saveKey(session, 'not-the-demo-key-42');
    expect(await shownText(options, text('Ticketmaster refused the API key'))).toContain(
      'check it in Options',
    );
    expect(await attribute(options, KEY_FIELD, 'aria-invalid')).toBe('true');
    // Read from an extension page of its own, as only the extension can.
    const stored = () => options.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(await stored())).not.toContain('not-the-demo-key-42');

    await fill(options, KEY_FIELD, ` ${DEMO_TICKETMASTER_KEY} `);
    await click(options, inside(role('region', 'Ticketmaster'), role('button', 'Save')));
    expect(await shownText(options, text('Key checked and saved.'))).toBe('Key checked and saved.');
    expect(await shownText(options, text('your key ending in'))).toContain(DEMO_TICKETMASTER_KEY.slice(-4));
    expect(await attribute(options, KEY_FIELD, 'aria-invalid')).toBe('false');
    expect((await stored()).ticketmasterKey).toBe(DEMO_TICKETMASTER_KEY);
  });

  test('a key alone is enough: a search with only Ticketmaster, dates to be announced said so', async () => {
    const session = await launch(name);
    await saveKey(session, DEMO_TICKETMASTER_KEY);
    const popup = await session.openPopup();
    await appears(popup, SEARCHBOX);
    await search(popup, '');
    await appears(popup, EVENT_ITEMS);
    const shown = await results(popup);
    expect(shown).toHaveLength(50);
    expectAll(shown, (item) => item.source === 'Ticketmaster');
    expectStartOrder(shown);
    // A start known only by its date: the date as the datetime, and no invented time.
    const dateOnly = shown.filter((item) => /^\d{4}-\d{2}-\d{2}$/.test(item.datetime));
    expect(dateOnly.length).toBeGreaterThan(0);
    expectAll(dateOnly, (item) => item.text.includes('Time to be announced'));
    expect(shown.some((item) => /Cancelled|Postponed|Rescheduled/.test(item.text))).toBe(true);
  });

  test('Demo and Ticketmaster in one list, in start order, each result naming its source', async () => {
    const { session, popup } = await launchSignedIn(name);
    await saveKey(session, DEMO_TICKETMASTER_KEY);
    await popup.bringToFront();
    await search(popup, 'jazz');
    await expect
      .poll(async () => new Set((await results(popup)).map((item) => item.source)))
      .toEqual(new Set(['Demo', 'Ticketmaster']));
    expectStartOrder(await results(popup));
  });

  test('"Sources" narrows the providers asked, and the popup reopens on that choice', async () => {
    const { session, popup } = await launchSignedIn(name);
    await saveKey(session, DEMO_TICKETMASTER_KEY);
    await popup.bringToFront();
    const SOURCES = role('group', 'Sources');
    const TICKETMASTER = inside(SOURCES, role('checkbox', 'Ticketmaster'));
    await search(popup, 'jazz');
    await expect
      .poll(async () => new Set((await results(popup)).map((item) => item.source)))
      .toEqual(new Set(['Demo', 'Ticketmaster']));

    const asked = ticketmasterRequests();
    await click(popup, TICKETMASTER);
    await expect
      .poll(async () => new Set((await results(popup)).map((item) => item.source)))
      .toEqual(new Set(['Demo']));
    await search(popup, 'rock');
    await appears(popup, EVENT_ITEMS);
    expectAll(await results(popup), (item) => item.source === 'Demo');
    expect(ticketmasterRequests()).toBe(asked);
    // The last source left cannot be unchecked: a search asks someone.
    expect(await attribute(popup, inside(SOURCES, role('checkbox', 'Demo')), 'disabled')).not.toBeNull();

    const again = await session.openPopup();
    await appears(again, EVENT_ITEMS);
    expect(await again.$eval(TICKETMASTER, (box) => (box as HTMLInputElement).checked)).toBe(false);
    expectAll(await results(again), (item) => item.source === 'Demo');
  });

  test('a late provider’s events never move the result that has focus; the status says who is still asked', async () => {
    const { session, popup } = await launchSignedIn(name);
    const options = await saveKey(session, DEMO_TICKETMASTER_KEY);
    // The key's own check is a Discovery request too: done before the search's is delayed.
    await appears(options, text('Key checked and saved.'));
    await popup.bringToFront();
    // The popup has seen the key (it offers both sources) before the search it runs.
    await appears(popup, role('group', 'Sources'));
    // A search both answered first: its list must not stand in for Demo's answer to the next one.
    await fill(popup, role('textbox', 'Place'), 'Paris');
    await search(popup, '');
    await expect
      .poll(async () => new Set((await results(popup)).map((item) => item.source)))
      .toEqual(new Set(['Demo', 'Ticketmaster']));
    demo.injectTicketmasterFaults({ kind: 'delay', delayMs: 3_000, city: 'Berlin' });
    await fill(popup, role('textbox', 'Place'), 'Berlin');
    await search(popup, '');
    // Where the keyboard is: the twentieth result's link, as Tab would leave it.
    const focused = () =>
      popup.evaluate(() => {
        const link = document.activeElement as HTMLElement;
        const items = [...document.querySelectorAll('[aria-label="Events"] li')];
        return {
          title: link.textContent,
          top: link.getBoundingClientRect().top,
          position: items.indexOf(link.closest('li')!),
          sources: items.map((item) => item.querySelector('.source')?.textContent),
          status: document.querySelector('[role="status"]')?.textContent,
        };
      });
    await appears(popup, `${EVENT_ITEMS}:nth-child(20)`);
    await popup.$eval(`${EVENT_ITEMS}:nth-child(20) a`, (link) => (link as HTMLElement).focus());
    const before = await focused();
    // Read in the same turn as the focus: Demo's part alone, and the status naming who is still asked.
    expectAll(before.sources, (source) => source === 'Demo');
    expect(before.status).toBe(`${before.sources.length} events · Asking Ticketmaster…`);
    await expect
      .poll(async () => (await results(popup)).some((item) => item.source === 'Ticketmaster'), {
        timeout: 10_000,
      })
      .toBe(true);
    const after = await focused();
    expect(after.title).toBe(before.title);
    // Ticketmaster's events came in above it, and it stayed where it was on screen.
    expect(after.position).toBeGreaterThan(before.position);
    expect(Math.abs(after.top - before.top)).toBeLessThan(1);
    expect(await textOf(popup, role('status'))).toBe(`${await count(popup, EVENT_ITEMS)} events`);
  });

  test('Ticketmaster failing leaves Demo’s results, names Ticketmaster, and is tried again alone', async () => {
    const { session, popup } = await launchSignedIn(name);
    await saveKey(session, DEMO_TICKETMASTER_KEY);
    await popup.bringToFront();
    demo.injectTicketmasterFaults(
      ...Array.from({ length: RETRY_POLICY.attempts }, () => ({ kind: 'status' as const, status: 503 })),
    );
    await search(popup, 'yoga');
    expect(await shownText(popup, role('alert'))).toContain('Ticketmaster');
    await appears(popup, EVENT_ITEMS);
    expectAll(await results(popup), (item) => item.source === 'Demo');

    const demoSearches = demo.requestCount('GET /v3/events/search/');
    await click(popup, role('button', 'Try Ticketmaster again'));
    await expect
      .poll(async () => (await results(popup)).some((item) => item.source === 'Ticketmaster'))
      .toBe(true);
    expect(await count(popup, role('alert'))).toBe(0);
    // Only the provider that failed was asked again.
    expect(demo.requestCount('GET /v3/events/search/')).toBe(demoSearches);
  });

  test('removing the key keeps Demo’s results; signing out keeps Ticketmaster searching', async () => {
    const { session, popup } = await launchSignedIn(name);
    const options = await saveKey(session, DEMO_TICKETMASTER_KEY);
    await popup.bringToFront();
    await search(popup, 'jazz');
    await expect
      .poll(async () => (await results(popup)).some((item) => item.source === 'Ticketmaster'))
      .toBe(true);

    await click(options, inside(role('region', 'Ticketmaster'), role('button', 'Remove')));
    await expect
      .poll(() => textOf(options, inside(role('region', 'Ticketmaster'), role('status'))))
      .toBe('Key removed.');
    const afterRemoval = await session.openPopup();
    await appears(afterRemoval, EVENT_ITEMS);
    expectAll(await results(afterRemoval), (item) => item.source === 'Demo');

    await saveKey(session, DEMO_TICKETMASTER_KEY);
    const before = ticketmasterRequests();
    const again = await session.openPopup();
    await click(again, role('button', 'Sign out'));
    await search(again, 'jazz');
    await appears(again, EVENTS);
    await expect.poll(async () => (await results(again)).length).toBeGreaterThan(0);
    expectAll(await results(again), (item) => item.source === 'Ticketmaster');
    expect(ticketmasterRequests()).toBeGreaterThan(before);
  });
});
