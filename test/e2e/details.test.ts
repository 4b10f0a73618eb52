import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { addListing } from '../support/listings';
import { axeViolations } from './axe';
import { e2eFile } from './fixtures';
import { waitFor } from './harness';
import {
  EVENT_ITEMS,
  appears,
  attribute,
  click,
  count,
  inside,
  role,
  search,
  textOf,
  texts,
} from './queries';

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

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

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

  test('"Add to calendar" offers a download and two calendar sites; the .ics downloaded reads back as the event', async () => {
    const TITLE = `Quayside quartet in ${name}`;
    const listing = addListing(demo, TITLE, { summary: 'Strings; and, a \\ backslash' });
    const downloadDir = await mkdtemp(join(tmpdir(), `event-scout-downloads-${name}-`));
    onTestFinished(() => rm(downloadDir, { recursive: true, force: true }));
    const { popup } = await launchSignedIn(name, { downloadDir });
    await search(popup, `quayside quartet in ${name}`);
    await appears(popup, EVENT_ITEMS);
    await click(popup, inside(`${EVENT_ITEMS}:first-child`, role('button', 'Details')));
    const dialog = role('dialog', TITLE);
    await appears(popup, dialog);

    const menuButton = inside(dialog, role('button', 'Add to calendar'));
    expect(await attribute(popup, menuButton, 'aria-expanded')).toBe('false');
    await click(popup, menuButton);
    const menu = role('menu', 'Add to calendar');
    await appears(popup, menu);
    expect(await texts(popup, inside(menu, '[role="menuitem"]'))).toEqual([
      'Download .ics',
      'Google Calendar',
      'Outlook.com',
    ]);
    // Focus is on the first item; the arrow keys move through them; Escape closes the menu, not the dialog.
    expect(await focusedText(popup)).toBe('Download .ics');
    await popup.keyboard.press('ArrowDown');
    expect(await focusedText(popup)).toBe('Google Calendar');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    expect(await focusedText(popup)).toBe('Outlook.com');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect.poll(() => count(popup, menu)).toBe(0);
    expect(await count(popup, dialog)).toBe(1);
    expect(await focusedText(popup)).toBe('Add to calendar');

    await click(popup, menuButton);
    const google = new URL(
      (await attribute(popup, inside(menu, role('menuitem', 'Google Calendar')), 'href')) ?? '',
    );
    expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('text')).toBe(TITLE);
    const stamp = (utc: string) =>
      new Date(utc)
        .toISOString()
        .replace(/\.\d{3}/, '')
        .replace(/[-:]/g, '');
    expect(google.searchParams.get('dates')).toBe(`${stamp(listing.start.utc)}/${stamp(listing.end.utc)}`);
    expect(google.searchParams.get('details')).toContain(listing.url);

    await click(popup, inside(menu, role('menuitem', 'Download .ics')));
    const fileName = `${TITLE}.ics`;
    // Complete: a browser may create the file before it has written it.
    const text = await waitFor(async () => {
      const names = await readdir(downloadDir);
      if (!names.includes(fileName)) return false;
      const written = await readFile(join(downloadDir, fileName), 'utf8');
      return written.endsWith('END:VCALENDAR\r\n') ? written : false;
    }, 'the .ics download');
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`demo-${listing.id}@event-scout`);
    expect(event.summary).toBe(TITLE);
    expect(event.description).toBe(`Strings; and, a \\ backslash\n\n${listing.url}`);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(listing.start.utc).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(listing.end.utc).toISOString());
  });

  test('"Interested" on a result and in Details is one toggle, kept in storage.sync, and a sign-out keeps it', async () => {
    const TITLE = `Lantern walk in ${name}`;
    const listing = addListing(demo, TITLE);
    const { popup } = await launchSignedIn(name);
    await search(popup, `lantern walk in ${name}`);
    await appears(popup, EVENT_ITEMS);
    const rowToggle = inside(`${EVENT_ITEMS}:first-child`, role('button', 'Interested'));
    const key = `interested:demo:${listing.id}`;
    const kept = () =>
      popup.evaluate(
        (key) => chrome.storage.sync.get(key).then((all) => all[key] as { title?: string } | undefined),
        key,
      );

    await popup.focus(rowToggle);
    expect((await focused(popup)).describedBy).toBe(TITLE);
    expect(await attribute(popup, rowToggle, 'aria-pressed')).toBe('false');
    await click(popup, rowToggle);
    await expect.poll(() => attribute(popup, rowToggle, 'aria-pressed')).toBe('true');
    await expect.poll(async () => (await kept())?.title).toBe(TITLE);

    // Details shows the same state, and unpressing it there unpresses the result's.
    await click(popup, inside(`${EVENT_ITEMS}:first-child`, role('button', 'Details')));
    const dialog = role('dialog', TITLE);
    await appears(popup, dialog);
    const dialogToggle = inside(dialog, role('button', 'Interested'));
    await expect.poll(() => attribute(popup, dialogToggle, 'aria-pressed')).toBe('true');
    await click(popup, dialogToggle);
    await expect.poll(kept).toBeUndefined();
    await click(popup, inside(dialog, role('button', 'Close')));
    await expect.poll(() => attribute(popup, rowToggle, 'aria-pressed')).toBe('false');

    await click(popup, rowToggle);
    await expect.poll(async () => (await kept())?.title).toBe(TITLE);
    await click(popup, role('button', 'Sign out'));
    await appears(popup, role('button', 'Sign in'));
    expect((await kept())?.title).toBe(TITLE);
  });

  test('"My events" lists what was kept, signed out and offline, and exports it as one calendar', async () => {
    const TITLE = `Night market in ${name}`;
    const listing = addListing(demo, TITLE);
    const { session, popup } = await launchSignedIn(name);
    await search(popup, `night market in ${name}`);
    await appears(popup, EVENT_ITEMS);
    const rowToggle = inside(`${EVENT_ITEMS}:first-child`, role('button', 'Interested'));
    await click(popup, rowToggle);
    await expect.poll(() => attribute(popup, rowToggle, 'aria-pressed')).toBe('true');
    await click(popup, role('button', 'Sign out'));
    await appears(popup, role('button', 'Sign in'));

    // A popup opened with the network gone: everything it shows is this browser's own.
    const offline = await session.openPopup();
    if (name === 'chromium') await offline.setOfflineMode(true);
    await click(offline, role('button', 'My events'));
    const dialog = role('dialog', 'My events');
    await appears(offline, dialog);
    const upcoming = inside(dialog, role('list', 'Upcoming'));
    await appears(offline, inside(upcoming, 'li'));
    expect(await texts(offline, inside(upcoming, '.event-title'))).toEqual([TITLE]);
    expect(await attribute(offline, inside(upcoming, 'time'), 'datetime')).toBe(
      new Date(listing.start.utc).toISOString(),
    );
    expect(await attribute(offline, inside(upcoming, role('button', 'Interested')), 'aria-pressed')).toBe(
      'true',
    );
    expect(await axeViolations(offline)).toEqual([]);

    const exported = (await attribute(offline, inside(dialog, role('link', 'Export (.ics)')), 'href')) ?? '';
    const calendar = new ICAL.Component(
      ICAL.parse(decodeURIComponent(exported.slice(exported.indexOf(',') + 1))) as unknown[],
    );
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.uid, event.startDate.toJSDate().toISOString()])).toEqual([
      [`demo-${listing.id}@event-scout`, new Date(listing.start.utc).toISOString()],
    ]);

    await offline.keyboard.press('Escape');
    await expect.poll(() => count(offline, dialog)).toBe(0);
    expect(await focusedText(offline)).toBe('My events');
  });
});
