import { browser } from 'wxt/browser';
import { defineStoredItem } from './stored-item';

const WELCOME_PAGE = '/welcome.html';

/** That this profile has been welcomed: it holds something of Event Scout's from then on. */
const welcomed = defineStoredItem<boolean>('local:welcomed', {
  // Says only that the welcome page was shown
  clearOn: 'never',
  fallback: false,
  parse: (raw) => (typeof raw === 'boolean' ? raw : undefined),
});

/**
 * Whether this profile holds nothing of Event Scout's: asked first thing when the worker starts, before
 * it stores anything itself (the browser answers storage calls in order).
 */
export const holdsNothingYet = (): Promise<boolean> =>
  browser.storage.local.get(null).then((items) => Object.keys(items).length === 0);

/**
 * The welcome page, once: when Event Scout is installed in a profile that holds nothing of it yet, never
 * on an update or a restart. The install event alone would not do: Chromium reports an unpacked extension
 * loaded from its command line as installed at every start, over the data it had.
 */
export async function welcomeOnInstall(
  { reason }: { reason: string },
  fresh: Promise<boolean>,
): Promise<void> {
  if (reason !== 'install' || !(await fresh)) return;
  await welcomed.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
