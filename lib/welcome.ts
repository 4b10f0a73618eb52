import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** The welcome page, once: when Event Scout is installed, never when it is updated or reloaded. */
export async function welcomeOnInstall({ reason }: { reason: string }): Promise<void> {
  if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
