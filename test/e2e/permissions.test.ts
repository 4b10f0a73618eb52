import { describe, expect, test } from 'vitest';
import { e2eFile } from './fixtures';
import { EVENT_ITEMS, click, count, pageText, role, search } from './queries';

// Firefox lets the user (and the extension) withdraw MV3 host permissions; Chromium does not let an
// extension remove its required ones, so "Allow access" is tested in Firefox.

const { demo, launchSignedIn } = await e2eFile();

const searches = () => demo.requestCount('GET /v3/events/search/');

describe('firefox: host permission', () => {
  test('withdrawn: the popup says so, and "Allow access" brings it back', async () => {
    const { session, popup } = await launchSignedIn('firefox');
    const origins = [`${demo.issuer}/*`];
    // What a user does in about:addons → Permissions; an extension may do the same for itself.
    expect(await popup.evaluate((origins) => chrome.permissions.remove({ origins }), origins)).toBe(true);

    const reopened = await session.openPopup();
    await expect
      .poll(() => pageText(reopened), { timeout: 10_000 })
      .toContain('Event Scout needs your permission to reach 127.0.0.1');
    const before = searches();
    await search(reopened, 'jazz');
    await expect
      .poll(() => pageText(reopened), { timeout: 10_000 })
      .toContain('not allowed to reach the events service');
    expect(searches()).toBe(before);

    await click(reopened, role('button', 'Allow access'));
    await expect.poll(() => pageText(reopened), { timeout: 10_000 }).not.toContain('needs your permission');
    expect(await reopened.evaluate((origins) => chrome.permissions.contains({ origins }), origins)).toBe(
      true,
    );
    // The search that failed for want of access runs again by itself.
    await expect.poll(() => count(reopened, EVENT_ITEMS), { timeout: 10_000 }).toBe(50);
    // And the notice's place is out of the popup's column again (in it, even empty, it adds a gap).
    expect(
      await reopened.evaluate(() => getComputedStyle(document.querySelector('.access-slot')!).display),
    ).toBe('none');
  });
});
