import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { addListing } from '../support/listings';
import { axeViolations } from './axe';
import { e2eFile } from './fixtures';
import { EVENT_ITEMS, appears, attribute, click, count, inside, role, search, textOf } from './queries';

const { demo, launchSignedIn } = await e2eFile();

/** What has focus: its role-bearing tag and its text, as a user hears it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      inDialog: Boolean(element?.closest('dialog')),
      text: element?.textContent ?? '',
      describedBy: element?.getAttribute('aria-describedby')
        ? document.getElementById(element.getAttribute('aria-describedby')!)?.textContent
        : null,
    };
  });

describe.each(['chromium', 'firefox'] as const)('%s: an event in detail', (name) => {
  test('"Details" opens a dialog with everything the provider gave, and gives focus back on Close and Escape', async () => {
    // One listing per browser, so each finds its own first.
    const DIALOG_TITLE = `Harbor lights recital in ${name}`;
    const listing = addListing(demo, DIALOG_TITLE, {
      summary: 'Chamber music by the water.\n<b>Bring a coat</b>',
      is_free: true,
    });
    const { popup } = await launchSignedIn(name, { timeZone: 'America/New_York' });
    await search(popup, `harbor lights recital in ${name}`);
    await appears(popup, EVENT_ITEMS);

    const details = inside(`${EVENT_ITEMS}:first-child`, role('button', 'Details'));
    // Each "Details" says whose it is.
    await popup.focus(details);
    expect((await focused(popup)).describedBy).toBe(DIALOG_TITLE);
    await click(popup, details);
    const dialog = role('dialog', DIALOG_TITLE);
    await appears(popup, dialog);
    // Focus moved in, and the page behind is out of reach.
    await expect.poll(async () => (await focused(popup)).inDialog).toBe(true);
    const shown = (await textOf(popup, dialog)) ?? '';
    // The summary as the text it is, markup and all.
    expect(shown).toContain('Chamber music by the water.');
    expect(shown).toContain('<b>Bring a coat</b>');
    expect(await count(popup, inside(dialog, 'b'))).toBe(0);
    expect(shown).toContain('Free');
    expect(shown).toContain('Demo');
    expect(shown).toContain('As announced');
    expect(await attribute(popup, inside(dialog, 'time'), 'datetime')).toBe(
      new Date(listing.start.utc).toISOString(),
    );
    expect(await attribute(popup, inside(dialog, role('link', 'Event page')), 'href')).toBe(listing.url);
    const map = new URL(
      (await attribute(popup, inside(dialog, role('link', 'Map (OpenStreetMap)')), 'href')) ?? '',
    );
    expect(map.origin).toBe('https://www.openstreetmap.org');
    expect(Number(map.searchParams.get('mlat'))).toBe(Number(listing.venue!.address.latitude));
    expect(await axeViolations(popup)).toEqual([]);

    await click(popup, inside(dialog, role('button', 'Close')));
    await expect.poll(() => count(popup, dialog)).toBe(0);
    expect(await focused(popup)).toMatchObject({ text: 'Details', describedBy: DIALOG_TITLE });

    await click(popup, details);
    await appears(popup, dialog);
    await popup.keyboard.press('Escape');
    await expect.poll(() => count(popup, dialog)).toBe(0);
    expect(await focused(popup)).toMatchObject({ text: 'Details', describedBy: DIALOG_TITLE });
  });
});
