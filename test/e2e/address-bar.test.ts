import { describe, expect, test } from 'vitest';
import { e2eFile } from './fixtures';
import { waitFor, type ExtensionSession } from './harness';
import { appears, count, EVENT_ITEMS, search, SEARCHBOX, valueOf } from './queries';

// The "ev" keyword, fired in the worker as the address bar would: what it suggests from the cache, and
// where Enter goes, as the browser's disposition says.

const { launchSignedIn } = await e2eFile();

interface Suggestion {
  content: string;
  description: string;
}

const typed = (session: ExtensionSession, text: string) =>
  session.inWorker(
    (text) =>
      new Promise<Suggestion[]>((suggest) =>
        (chrome.omnibox.onInputChanged as unknown as { dispatch(...args: unknown[]): void }).dispatch(
          text,
          suggest,
        ),
      ),
    text,
  );

const entered = (session: ExtensionSession, text: string, disposition: string) =>
  session.dispatchInWorker('omnibox.onInputEntered', text, disposition);

describe('chromium: the address bar', () => {
  test('suggests cached events as the user types, soonest first, as XML', async () => {
    const { session, popup } = await launchSignedIn('chromium');
    expect(await typed(session, 'jazz')).toEqual([]);
    await search(popup, 'jazz');
    await appears(popup, EVENT_ITEMS);
    const shown = await popup.$$eval(`${EVENT_ITEMS} a`, (links) =>
      links.map((link) => ({ title: link.textContent, url: link.getAttribute('href') })),
    );

    // The index is built when typing starts (cancelled here), so the new results are in it.
    await session.dispatchInWorker('omnibox.onInputCancelled');
    const suggestions = await typed(session, 'jaz');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(6);
    for (const { content, description } of suggestions) {
      expect(content).toMatch(/^https?:\/\//);
      expect(description).toMatch(/ <dim>· \S.*<\/dim>$/);
      // Nothing XML would read as markup but the <dim> around the date.
      expect(description.replace(/<\/?dim>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
    // The popup's results, in its order (those with a page), as far as the suggestions go.
    const urls = suggestions.map((suggestion) => suggestion.content);
    expect(urls).toEqual(shown.map((event) => event.url).filter((url) => urls.includes(url!)));
    expect(suggestions[0]!.description.startsWith(shown.find((event) => event.url === urls[0])!.title)).toBe(
      true,
    );
  });

  test('Enter opens the event picked where the browser says, or searches the words', async () => {
    const { session, popup } = await launchSignedIn('chromium');
    await search(popup, 'jazz');
    await appears(popup, EVENT_ITEMS);
    const [picked] = await typed(session, 'jazz');

    // The demo's event pages are on no real host: the tab is there with the event's address, and an error.
    const opened = session.browser.waitForTarget((target) => target.url() === picked!.content);
    await entered(session, picked!.content, 'newForegroundTab');
    const eventTab = (await (await opened).page())!;

    // Words in a new tab: the panel's page on that search.
    const searchTab = await session.windowOpenedBy(`${session.origin}/sidepanel.html`, () =>
      entered(session, '  comedy ', 'newForegroundTab'),
    );
    await expect.poll(() => valueOf(searchTab, SEARCHBOX)).toBe('comedy');
    await appears(searchTab, EVENT_ITEMS);
    expect(await count(searchTab, EVENT_ITEMS)).toBeGreaterThan(0);

    // Words in this tab: the side panel, refused outside a user's action, so this tab becomes the page.
    const pages = await session.browser.pages();
    await eventTab.bringToFront();
    await entered(session, 'jazz', 'currentTab');
    await waitFor(
      async () => eventTab.url() === `${session.origin}/sidepanel.html`,
      'the tab to show the search',
    );
    await expect.poll(() => valueOf(eventTab, SEARCHBOX)).toBe('jazz');
    expect((await session.browser.pages()).length).toBe(pages.length);
  });

  test('never opens what is not an http(s) page', async () => {
    const { session } = await launchSignedIn('chromium');
    const tab = await session.windowOpenedBy(`${session.origin}/sidepanel.html`, () =>
      entered(session, 'javascript:alert(1)', 'newForegroundTab'),
    );
    // Searched as words, never run.
    await expect.poll(() => valueOf(tab, SEARCHBOX)).toBe('javascript:alert(1)');
  });
});
