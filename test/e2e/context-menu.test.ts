import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { e2eFile } from './fixtures';
import type { ExtensionSession } from './harness';
import { appears, count, EVENT_ITEMS, search, SEARCHBOX, valueOf } from './queries';

// "Search events for “%s”" on selected text, fired in the worker as a click on it would be: the worker
// asks for the side panel (refused there, outside a user's click, so the panel's page opens in a tab
// instead) and stores the search, which every open popup and panel runs.

const { launchSignedIn } = await e2eFile();

/** The menu item clicked on `selectionText`, in the worker's own listeners. */
const clickSearchMenu = (session: ExtensionSession, selectionText: string) =>
  session.dispatchInWorker(
    'contextMenus.onClicked',
    { menuItemId: 'search-selection', selectionText, editable: false, pageUrl: 'https://example.test/' },
    // chrome.windows.WINDOW_ID_CURRENT
    { id: 1, index: 0, windowId: -2 },
  );

const stored = async (session: ExtensionSession) =>
  (await session.backstage()).evaluate(async () => ({
    last: ((await chrome.storage.local.get('lastQuery')).lastQuery as { text: string }).text,
    request: (await chrome.storage.session.get('searchRequest')).searchRequest as {
      from: string;
      at: number;
    },
  }));

/** How many results the page shows, once its searchbox says `text`. */
async function searchShown(page: Page, text: string) {
  // A tab behind others answered nothing here at times (its $eval never returned): each is looked at in
  // front, as a user would.
  await page.bringToFront();
  await expect.poll(() => valueOf(page, SEARCHBOX)).toBe(text);
  await appears(page, EVENT_ITEMS);
  return count(page, EVENT_ITEMS);
}

describe('chromium: the context menu', () => {
  test('searches the selection, tidied, in the panel, and the panels already open follow', async () => {
    const { session, popup } = await launchSignedIn('chromium');
    const openPanel = await session.openPage('sidepanel.html');
    await appears(openPanel, SEARCHBOX);

    const tab = await session.windowOpenedBy(`${session.origin}/sidepanel.html`, () =>
      clickSearchMenu(session, '\n   Comedy \t  '),
    );
    expect(await searchShown(tab, 'Comedy')).toBeGreaterThan(0);
    // The panel already open follows it; an open popup does not (it closes once the user looks away).
    expect(await searchShown(openPanel, 'Comedy')).toBeGreaterThan(0);
    await popup.bringToFront();
    expect(await valueOf(popup, SEARCHBOX)).toBe('');
    expect(await stored(session)).toEqual({
      last: 'Comedy',
      request: expect.objectContaining({ from: 'menu' }),
    });
  });

  test('whitespace alone searches nothing and opens nothing', async () => {
    const { session } = await launchSignedIn('chromium');
    const pages = (await session.browser.pages()).length;
    await clickSearchMenu(session, ' \n\t ');
    // The listeners run in order: once the next click's tab is open, the first one's had its turn.
    await session.windowOpenedBy(`${session.origin}/sidepanel.html`, () => clickSearchMenu(session, 'jazz'));
    expect((await session.browser.pages()).length).toBe(pages + 1);
    expect((await stored(session)).last).toBe('jazz');
  });

  test('a search in the popup shows in the open panel, and one in the panel in the next popup', async () => {
    const { session, popup } = await launchSignedIn('chromium');
    const panel = await session.openPage('sidepanel.html');
    await appears(panel, SEARCHBOX);
    await search(popup, 'jazz');
    expect(await searchShown(panel, 'jazz')).toBeGreaterThan(0);
    await search(panel, 'comedy');
    expect(await searchShown(await session.openPopup(), 'comedy')).toBeGreaterThan(0);
    // The panel echoes nothing back: the last search stays the one it ran.
    const settled = await stored(session);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await stored(session)).toEqual(settled);
    expect(settled.last).toBe('comedy');
  });
});
