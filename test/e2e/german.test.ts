import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { decide, logIn, DANA } from './auth-window';
import { e2eFile } from './fixtures';
import { welcomePage } from './harness';
import {
  appears,
  click,
  count,
  field,
  fill,
  inside,
  pageText,
  role,
  shownText,
  text,
  textOf,
  texts,
} from './queries';

// The browser started in German (DESIGN.md's Popup contract, its German names): every name the tests
// drive in English has its German one, and dates are German, through Intl in the UI language.

const { demo, launch } = await e2eFile();

const EVENTS = role('list', 'Veranstaltungen');
const EVENT_ITEMS = inside(EVENTS, 'li');

/** What the page says its UI language is, and how it writes a date there. */
const languageOf = (page: Page) =>
  page.evaluate(() => ({
    ui: chrome.i18n.getUILanguage(),
    intl: new Intl.DateTimeFormat().resolvedOptions().locale,
    lang: document.documentElement.lang,
  }));

describe.each(['chromium', 'firefox'] as const)('%s in German', (name) => {
  test('signed out, signed in, searching, an event in detail, My events: every name German, dates too', async () => {
    const session = await launch(name, { language: 'de', timeZone: 'America/New_York' });
    const popup = await session.openPopup();
    await appears(popup, role('button', 'Anmelden'));
    expect(await languageOf(popup)).toEqual({
      ui: expect.stringMatching(/^de/),
      intl: expect.stringMatching(/^de/),
      lang: expect.stringMatching(/^de/),
    });
    const buttons = await popup.$$eval('button', (all) => all.map((button) => button.textContent));
    expect(buttons).toEqual([
      'Anmelden',
      'Eventbrite verbinden',
      'Ticketmaster-Schlüssel hinzufügen',
      'Meine Veranstaltungen',
    ]);

    const authWindow = await session.windowOpenedBy(demo.issuer, () =>
      click(popup, role('button', 'Anmelden')),
    );
    await logIn(authWindow, DANA.login, DANA.password);
    await decide(authWindow, 'Allow');
    await appears(popup, role('button', 'Abmelden'));
    expect(await shownText(popup, text('Bei Demo angemeldet als'))).toContain('Bei Demo angemeldet als');

    await fill(popup, role('searchbox', 'Veranstaltungen suchen'), 'jazz');
    await popup.keyboard.press('Enter');
    await appears(popup, EVENT_ITEMS);
    await expect.poll(() => textOf(popup, role('status'))).toBe('50 Veranstaltungen');
    for (const button of [
      'Suche speichern',
      'Jetzt synchronisieren',
      'Aktualisieren',
      'Mehr',
      'Meine Veranstaltungen',
    ])
      expect(await count(popup, role('button', button)), button).toBe(1);
    expect(await count(popup, inside(EVENTS, role('button', 'Details')))).toBe(50);
    expect(await count(popup, inside(EVENTS, role('button', 'Interessiert')))).toBe(50);

    // German dates: a weekday and month as German writes them, the 24-hour clock, the zone's German label.
    const whens = await texts(popup, inside(EVENTS, '.event-when'));
    expect(whens.length).toBe(50);
    for (const when of whens) {
      expect(when).toMatch(/^(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. /);
      expect(when).not.toMatch(/AM|PM/);
    }
    expect(whens.some((when) => /Ortszeit .+ · .+ Ihre Zeit/.test(when))).toBe(true);

    await click(popup, inside(`${EVENT_ITEMS}:first-child`, role('button', 'Details')));
    await appears(popup, 'dialog[open]');
    for (const button of ['Zum Kalender hinzufügen', 'Interessiert', 'Schließen'])
      expect(await count(popup, inside('dialog[open]', role('button', button))), button).toBe(1);
    await click(popup, inside('dialog[open]', role('button', 'Schließen')));
    await expect.poll(() => count(popup, 'dialog[open]')).toBe(0);

    await click(popup, role('button', 'Meine Veranstaltungen'));
    await appears(popup, role('dialog', 'Meine Veranstaltungen'));
    await appears(popup, text('Noch nichts gemerkt.'));
  });

  test('Options: the sections and fields by their German names', async () => {
    const session = await launch(name, { language: 'de' });
    const options = await session.openOptions();
    await appears(options, role('region', 'Ticketmaster'));
    expect((await languageOf(options)).lang).toMatch(/^de/);
    await appears(options, inside(role('region', 'Ticketmaster'), field('API-Schlüssel')));
    expect(await count(options, inside(role('region', 'Ticketmaster'), role('button', 'Speichern')))).toBe(1);
    expect(await count(options, role('combobox', 'Erinnerungen'))).toBe(1);
    expect(await count(options, role('button', 'Zwischenspeicher leeren'))).toBe(1);
    expect(await shownText(options, inside(role('region', 'Datenschutz'), 'li'))).toMatch(
      /^Nur auf diesem Gerät/,
    );
    expect(await count(options, inside(role('region', 'Demo'), role('button', 'Anmelden')))).toBe(1);
  });

  test('the welcome page: its heading, sections and shortcut in German', async () => {
    const session = await launch(name, { language: 'de', welcome: 'keep' });
    const welcome = await welcomePage(session.browser, session.origin);
    await appears(welcome, role('heading', 'Willkommen bei Event Scout'));
    expect((await languageOf(welcome)).lang).toMatch(/^de/);
    expect(await count(welcome, role('heading', 'Einen Veranstaltungsdienst verbinden'))).toBe(1);
    expect(await count(welcome, role('button', 'Anmelden'))).toBe(1);
    // The shortcut as the browser names its keys: Chromium in German says "Umschalttaste".
    expect(await pageText(welcome)).toMatch(
      /Drücken Sie auf einer beliebigen Seite Alt\+(Umschalttaste|Shift)\+E\./,
    );
  });
});
