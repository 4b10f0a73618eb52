import { describe, expect, test } from 'vitest';
import { addListing } from '../support/listings';
import type { Page } from 'puppeteer-core';
import { e2eFile } from './fixtures';
import { EVENT_ITEMS, EVENTS, appears, click, count, inside, itemsShowing, role, search } from './queries';

// Events whose text carries markup and scripts that would call a beacon on the demo server, and whose
// links are not http(s), shown in real Chromium: the beacon must get no hit, no script may run, and no
// unsafe link may be there to click.

const { demo, launchSignedIn } = await e2eFile();

const beaconHits = () => demo.requestCount('GET /beacon');

function hostileListings(beacon: string) {
  const call = (from: string) => `fetch('${beacon}?${from}');document.title='pwned'`;
  const markup = (from: string) =>
    `<img src="${beacon}?${from}-img" onerror="${call(from)}"><script>${call(from)}</script><iframe src="${beacon}?${from}-frame"></iframe><svg onload="${call(from)}"></svg><a href="javascript:${call(from)}">x</a>`;
  const venue = demo.events().find((event) => event.venue)!.venue!;
  return [
    addListing(demo, `Xylophone gala ${markup('title')}`, {
      summary: markup('summary'),
      description: { text: markup('description'), html: markup('description') },
      venue: {
        ...venue,
        name: `<style>@import url('${beacon}?style');</style>${markup('venue')}`,
        address: { ...venue.address, city: `<base href="${beacon}/">${markup('city')}` },
      },
      url: `javascript:${call('url')}`,
      logo: { url: `javascript:${call('logo')}` },
    }),
    addListing(demo, 'Xylophone data link', { url: `data:text/html,<script>${call('data')}</script>` }),
    addListing(demo, 'Xylophone malformed link', { url: 'https://[not-a-host' }),
    // An http(s) image is kept, but no provider image host: the extension's img-src refuses the beacon.
    addListing(demo, 'Xylophone beacon image', { logo: { url: `${beacon}?image` }, url: 'about:blank' }),
    addListing(demo, 'Xylophone vbscript link', { url: ' vbscript:msgbox(1)' }),
  ];
}

/** What a hostile payload could have left in the list: elements it made, links that are not http(s), a changed title. */
async function damage(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector('[aria-label="Events"]')!;
    return {
      injected: list.querySelectorAll('img, script, iframe, svg, style, base, object, embed').length,
      unsafeLinks: [...document.querySelectorAll('a[href]')]
        .map((link) => link.getAttribute('href')!)
        .filter((href) => !/^https?:\/\//.test(href)),
      title: document.title,
    };
  });
}

describe('hostile event content in Chromium', () => {
  test('markup stays text, scripts never run, the beacon gets nothing, unsafe links cannot be opened', async () => {
    const listings = hostileListings(`${demo.issuer}/beacon`);
    const { session, popup } = await launchSignedIn('chromium');
    const dialogs: string[] = [];
    const listenForDialogs = (page: Page) =>
      page.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    listenForDialogs(popup);

    await search(popup, 'xylophone');
    await expect.poll(() => count(popup, EVENT_ITEMS), { timeout: 10_000 }).toBe(listings.length);

    // Shown as the text it is.
    const [hostile] = await itemsShowing(popup, 'Xylophone gala');
    expect(hostile).toContain('<img src=');
    expect(hostile).toContain('<script>');
    // No link for an event whose only link is not http(s): its title is plain text.
    expect(await count(popup, inside(EVENTS, role('link')))).toBe(0);

    // In detail too: every text as text, and the image from a host that is no provider's never fetched.
    for (const title of ['Xylophone gala', 'Xylophone beacon image']) {
      const index = await popup.$$eval(
        EVENT_ITEMS,
        (items, title) =>
          items.findIndex((item) => item.querySelector('.event-title')?.textContent?.startsWith(title)),
        title,
      );
      const item = `${EVENT_ITEMS}:nth-child(${index + 1})`;
      await click(popup, inside(item, role('button', 'Details')));
      await appears(popup, 'dialog[open]');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(
        await popup.$eval('dialog[open]', (dialog) => ({
          injected: dialog.querySelectorAll('script, iframe, svg, style, base, object, embed').length,
          images: [...dialog.querySelectorAll('img')].map((image) => image.referrerPolicy),
        })),
      ).toEqual({ injected: 0, images: [] });
      await popup.keyboard.press('Escape');
      await expect.poll(() => count(popup, 'dialog[open]')).toBe(0);
    }

    // Reopened: the snapshot paints the same list from storage before the app does.
    const reopened = await session.openPopup();
    listenForDialogs(reopened);
    await appears(reopened, EVENT_ITEMS);

    // Time for anything that would load or run to have done so.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const page of [popup, reopened])
      expect(await damage(page)).toEqual({ injected: 0, unsafeLinks: [], title: 'Event Scout' });
    expect(beaconHits()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
