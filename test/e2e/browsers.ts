import { randomUUID } from 'node:crypto';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/extension-identity.ts';
import { CHROMIUM_PATH, chromiumArgsFor } from './chromium.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';

/** The browsers the main flows run in, driven the same way (puppeteer-core), each with its own build. */
export type BrowserName = 'chromium' | 'firefox';

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id> (fixed by the manifest key) or moz-extension://<uuid> (fixed by a pref). */
  origin: string;
  /** An extension page in a new tab, once it has loaded. */
  openPage(path: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

/** Polls `check` until it gives something other than false. */
export async function waitFor<T>(
  check: () => Promise<T | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => false as const);
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Debian's Firefox ESR over WebDriver BiDi, the unpacked build installed as a temporary add-on (its
 * background is an event page); a permission request is granted without the prompt a headless
 * browser cannot show.
 */
async function launchFirefox(extensionDir: string): Promise<{ browser: Browser; origin: string }> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    executablePath: FIREFOX_PATH,
    // Lets a page be navigated to moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, origin: `moz-extension://${uuid}` };
}

/** Debian's Chromium over the DevTools protocol with the unpacked build (its background is a service worker). */
async function launchChromium(extensionDir: string): Promise<{ browser: Browser; origin: string }> {
  const browser = await puppeteer.launch({
    headless: true,
    executablePath: CHROMIUM_PATH,
    enableExtensions: true,
    args: chromiumArgsFor([extensionDir]),
  });
  const worker = await browser.waitForTarget(
    (target) => target.type() === TargetType.SERVICE_WORKER && target.url().startsWith('chrome-extension://'),
  );
  // Node's URL gives non-special schemes a null origin: build it from the host.
  return { browser, origin: `chrome-extension://${new URL(worker.url()).host}` };
}

export async function launchBrowser(name: BrowserName, extensionDir: string): Promise<ExtensionSession> {
  const { browser, origin } = await (name === 'firefox'
    ? launchFirefox(extensionDir)
    : launchChromium(extensionDir));
  const openPage = async (path: string) => {
    const url = `${origin}/${path}`;
    const page = await browser.newPage();
    // Over BiDi, navigating to an extension page never reports completion and page.url() stays
    // about:blank: in both browsers, the page itself says where it is and whether it has loaded.
    page.goto(url, { timeout: 0 }).catch(() => undefined);
    await waitFor(
      () =>
        page
          .evaluate((url) => location.href === url && document.readyState === 'complete', url)
          .then((done) => done || false),
      `${url} to load`,
    );
    return page;
  };
  return {
    name,
    browser,
    origin,
    openPage,
    openPopup: () => openPage('popup.html'),
    openOptions: () => openPage('options.html'),
    close: () => browser.close(),
  };
}
