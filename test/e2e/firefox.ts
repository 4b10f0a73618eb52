import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/extension-identity.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';

export interface ExtensionFirefox {
  browser: Browser;
  /** moz-extension://<uuid>: fixed for this run through the `extensions.webextensions.uuids` pref. */
  origin: string;
  /** An extension page in a new tab, once it has loaded. */
  openPage(path: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

async function poll<T>(check: () => Promise<T | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => false as const);
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi, with the unpacked Firefox build installed
 * as a temporary add-on. Its event page (Firefox's MV3 background) starts with it.
 */
export async function launchFirefox(extensionDir: string): Promise<ExtensionFirefox> {
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    executablePath: FIREFOX_PATH,
    // Lets a page be navigated to moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // A permission request is granted without its prompt, which a headless browser cannot show.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(extensionDir);

  const openPage = async (path: string) => {
    const url = `${origin}/${path}`;
    const page = await browser.newPage();
    // Navigation to an extension page never reports completion over BiDi, and page.url() stays
    // about:blank: the page says where it is and whether it has loaded.
    page.goto(url, { timeout: 0 }).catch(() => undefined);
    await poll(() => page.evaluate((url) => location.href === url && document.readyState === 'complete', url).then((done) => done || false), `${url} to load`);
    return page;
  };

  return {
    browser,
    origin,
    openPage,
    openPopup: () => openPage('popup.html'),
    openOptions: () => openPage('options.html'),
    close: () => browser.close(),
  };
}

/** Waits until `find` gives something, polling (BiDi has no wait for an extension page's content). */
export const waitFor = poll;
