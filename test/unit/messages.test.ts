import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnPage } from '@/lib/messages';

describe('isOwnPage', () => {
  beforeEach(() => fakeBrowser.reset());
  const own = fakeBrowser.runtime.getURL('/popup.html');

  test("accepts the extension's own pages, in the popup or in a tab", () => {
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: own })).toBe(true);
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: own, tab: { id: 3 } as never })).toBe(true);
  });

  test.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
    ['a web page', { id: undefined, url: 'https://evil.test/' }],
    ['a sender claiming our id from a web origin', { id: fakeBrowser.runtime.id, url: 'https://evil.test/' }],
    ['a sender without a URL', { id: fakeBrowser.runtime.id }],
  ])('refuses %s', (_name, sender) => {
    expect(isOwnPage(sender as never)).toBe(false);
  });
});
