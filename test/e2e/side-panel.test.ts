import { describe, expect, test } from 'vitest';
import { e2eFile } from './fixtures';
import { appears, click, count, EVENT_ITEMS, role, search } from './queries';

// The popup's app in Chrome's side panel and Firefox's sidebar: sidepanel.html, opened here in a tab (a
// headless browser shows neither pane), with the popup's "Open in side panel" that asks the browser for it.

const { launchSignedIn } = await e2eFile();

const PANEL_BUTTON = role('button', 'Open in side panel');

describe.each(['chromium', 'firefox'] as const)('%s: the side panel', (name) => {
  test('searches as the popup does, fills the pane, and offers no button to open itself', async () => {
    const { session, popup } = await launchSignedIn(name);
    expect(await count(popup, PANEL_BUTTON)).toBe(1);
    await search(popup, 'jazz');
    await appears(popup, EVENT_ITEMS);

    const panel = await session.openPage('sidepanel.html');
    // Firefox's BiDi cannot size the page: there the tab's own size stands for the pane.
    if (name === 'chromium') await panel.setViewport({ width: 360, height: 900 });
    // In step through storage: the panel opens on the popup's last search.
    await appears(panel, EVENT_ITEMS);
    expect(await count(panel, EVENT_ITEMS)).toBe(50);
    expect(await count(panel, PANEL_BUTTON)).toBe(0);
    const layout = await panel.evaluate(() => {
      const column = document.querySelector('.popup')!.getBoundingClientRect();
      // A pane's width, up to a readable column (40rem) in the middle of a wide tab.
      const readable = 40 * parseFloat(getComputedStyle(document.documentElement).fontSize);
      return {
        width:
          column.width === Math.min(innerWidth, readable) &&
          Math.abs(column.left - (innerWidth - column.width) / 2) < 1,
        height: column.height === innerHeight,
        pageScrolls: document.documentElement.scrollHeight > innerHeight,
      };
    });
    // The whole pane, whatever its size (not the popup's 380 × 600), and still one scroll box.
    expect(layout).toEqual({ width: true, height: true, pageScrolls: false });

    await search(panel, 'comedy');
    await appears(panel, EVENT_ITEMS);
    expect(await count(panel, EVENT_ITEMS)).toBeGreaterThan(0);
  });

  test('"Open in side panel" asks the browser for the pane from the click', async () => {
    const { session, popup } = await launchSignedIn(name);
    if (name === 'chromium') {
      const opened = session.browser.waitForTarget((target) => target.url().endsWith('/sidepanel.html'), {
        timeout: 10_000,
      });
      await click(popup, PANEL_BUTTON);
      expect((await opened).url()).toBe(`${session.origin}/sidepanel.html`);
      return;
    }
    // Firefox's sidebar is no page its BiDi session lists: Firefox itself says whether it is open.
    const asker = await session.openOptions();
    const isOpen = () =>
      asker.evaluate(() =>
        (
          browser as unknown as { sidebarAction: { isOpen(details: object): Promise<boolean> } }
        ).sidebarAction.isOpen({}),
      );
    expect(await isOpen()).toBe(false);
    await popup.bringToFront();
    await click(popup, PANEL_BUTTON);
    await expect.poll(isOpen).toBe(true);
  });
});
