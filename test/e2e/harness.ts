import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { CHROME_MANIFEST_KEY, GECKO_ID } from '../../lib/extension-identity.ts';

// The one end-to-end harness: Debian's Chromium (DevTools protocol) and Firefox ESR (WebDriver BiDi),
// both headless and driven by puppeteer-core, each with its own build, behind one session type.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** The whole browser's zone (its TZ), so the background and every page agree, as on a user's machine. */
  timeZone?: string;
  colorScheme?: 'light' | 'dark';
  /** A profile kept from an earlier session (Chromium), for a restart. */
  profileDir?: string;
  /** Other unpacked extensions loaded beside ours (Chromium). */
  otherExtensions?: string[];
  /** Script source run at document start in every page opened through the session (the bench's marks). */
  beforeEveryPage?: string;
  /** Where downloads go, without asking (otherwise the browser's default). */
  downloadDir?: string;
  /** The browser's UI language: the extension's messages, `getUILanguage()` and `Intl` follow it. */
  language?: Language;
  /**
   * The welcome page a fresh profile opens on install: closed once it is there (the default: a tab
   * coming to the front whenever it pleases would take the tests' pages out of view), kept open, or
   * none to wait for (a build from before it, or a profile that had it).
   */
  welcome?: 'close' | 'keep' | 'none';
}

/** The languages Event Scout speaks; English by default. */
export type Language = 'en' | 'de';

/**
 * Each browser's name for a UI language, and the system locale it runs under. Chromium takes `--lang`
 * only for the languages it has resources for: Debian's `chromium-l10n` brings German.
 */
const LOCALES = {
  en: { chromium: 'en-US', firefox: 'en-US', system: 'en_US.UTF-8' },
  de: { chromium: 'de', firefox: 'de', system: 'de_DE.UTF-8' },
} as const satisfies Record<Language, { chromium: string; firefox: string; system: string }>;

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id> (fixed by the manifest key) or moz-extension://<uuid> (fixed by a pref). */
  origin: string;
  /** The host of `origin`: what another page or extension addresses the extension by. */
  id: string;
  profileDir: string;
  /** An extension page in a new tab, once it has loaded; `beforeLoad` runs in it at document start. */
  openPage(path: string, options?: { beforeLoad?: () => void }): Promise<Page>;
  /** "Opening the popup": popup.html in a tab, as the tests and benchmarks define it. */
  openPopup(options?: { beforeLoad?: () => void }): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Reloads an extension page and resolves once the new document has loaded. */
  reload(page: Page): Promise<void>;
  /**
   * Chromium: a page of the extension that runs none of the app (its manifest.json), to read storage and
   * call chrome.* as the background would, without waking the worker or holding it.
   */
  backstage(): Promise<Page>;
  /**
   * Chromium: runs `action` in the extension's service worker, where `chrome.<api>.<event>.dispatch(...)`
   * fires an event to the worker's own listeners as the browser would (a menu click, the address bar).
   * It attaches to the worker, which then cannot be stopped and started again (stopWorkers).
   */
  inWorker<Args extends unknown[], T>(action: (...args: Args) => T | Promise<T>, ...args: Args): Promise<T>;
  /** Chromium: fires `chrome.<api>.<event>` (`contextMenus.onClicked`) in the worker with `args` (inWorker). */
  dispatchInWorker(event: `${string}.${string}`, ...args: unknown[]): Promise<void>;
  /** Chromium: stops every service worker, as Chrome does after 30 s idle. */
  stopWorkers(): Promise<void>;
  /** Runs `action` and resolves with the window it opened whose URL starts with `urlPrefix`. */
  windowOpenedBy(urlPrefix: string, action: () => Promise<void>): Promise<Page>;
  /** Closes the browser (once; again is a no-op); `keepProfile` leaves the profile for a restart. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 15_000;

/** Polls `check` until it gives something other than false (a thrown error counts as not yet). */
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

/** Chromium's flags for loading unpacked extensions headless, quietly, with nothing else loaded. */
function chromiumArgsFor(extensionDirs: string[], language: Language): string[] {
  return [
    `--disable-extensions-except=${extensionDirs.join(',')}`,
    `--load-extension=${extensionDirs.join(',')}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${LOCALES[language].chromium}`,
  ];
}

const browserEnv = (timeZone: string, language: Language) => ({
  ...process.env,
  TZ: timeZone,
  LANG: LOCALES[language].system,
});

/** Chromium's id for the manifest key: the first 128 bits of its SHA-256, each hex digit as a–p. */
const CHROME_EXTENSION_ID = [
  ...createHash('sha256').update(Buffer.from(CHROME_MANIFEST_KEY, 'base64')).digest('hex').slice(0, 32),
]
  .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
  .join('');

/** Where each launcher starts its browser: its profile and the environment it sees. */
interface LaunchPlace {
  profileDir: string;
  env: NodeJS.ProcessEnv;
}

async function launchChromium(
  extensionDir: string,
  options: LaunchOptions,
  { profileDir, env }: LaunchPlace,
) {
  const browser = await puppeteer.launch({
    headless: true,
    executablePath: CHROMIUM_PATH,
    enableExtensions: true,
    userDataDir: profileDir,
    env,
    args: chromiumArgsFor([extensionDir, ...(options.otherExtensions ?? [])], options.language ?? 'en'),
    ...(options.downloadDir && { downloadBehavior: { policy: 'allow', downloadPath: options.downloadDir } }),
  });
  const id = CHROME_EXTENSION_ID;
  const origin = `chrome-extension://${id}`;
  // Only waited for, never attached to: puppeteer holding a worker's target keeps it from starting
  // again once stopped (puppeteer/puppeteer#9995).
  await browser.waitForTarget(
    (target) => target.type() === TargetType.SERVICE_WORKER && target.url().startsWith(origin),
  );
  return { browser, id, origin };
}

/**
 * The unpacked build installed as a temporary add-on (its background is an event page); a permission
 * request is granted without the prompt a headless browser cannot show.
 */
async function launchFirefox(extensionDir: string, options: LaunchOptions, { profileDir, env }: LaunchPlace) {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    executablePath: FIREFOX_PATH,
    userDataDir: profileDir,
    env,
    // Lets a page be navigated to moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'extensions.webextOptionalPermissionPrompts': false,
      // Firefox's own alerts, not the desktop's: with the system's, notifications.getAll() came back empty
      // on a machine without a desktop (no notification service to hold them, most likely).
      'alerts.useSystemBackend': false,
      // Takes only for a language whose pack is installed (Debian's firefox-esr-l10n-de for German).
      'intl.locale.requested': LOCALES[options.language ?? 'en'].firefox,
      ...(options.downloadDir && {
        'browser.download.dir': options.downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      }),
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, id: uuid, origin: `moz-extension://${uuid}` };
}

/** The welcome page, once the extension has opened it (Firefox's BiDi lists such a tab as about:blank). */
export const welcomePage = (browser: Browser, origin: string) =>
  waitFor(async () => {
    for (const page of await browser.pages()) {
      const url = page.url().startsWith(origin) ? page.url() : await page.evaluate(() => location.href);
      if (url === `${origin}/welcome.html`) return page;
    }
    return false;
  }, 'the welcome page');

export async function launchBrowser(
  name: BrowserName,
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), `event-scout-${name}-`)));
  const place = {
    profileDir,
    env: browserEnv(options.timeZone ?? 'Europe/Berlin', options.language ?? 'en'),
  };
  const { browser, id, origin } = await (name === 'firefox'
    ? launchFirefox(extensionDir, options, place)
    : launchChromium(extensionDir, options, place));
  if ((options.welcome ?? (options.profileDir ? 'none' : 'close')) === 'close')
    await (await welcomePage(browser, origin)).close();
  const chromiumOnly = (what: string) => {
    if (name !== 'chromium') throw new Error(`${what} is Chromium's: Firefox runs an event page`);
  };
  let closed = false;
  let backstage: Page | undefined;
  const openBackstage = async () => {
    chromiumOnly('The backstage page');
    if (backstage && !backstage.isClosed()) return backstage;
    backstage = await browser.newPage();
    await backstage.goto(`${origin}/manifest.json`);
    return backstage;
  };

  /** Resolves once the page says it is at `url` and has loaded (and is not the document before a reload). */
  const loaded = (page: Page, url: string) =>
    waitFor(
      () =>
        page
          .evaluate(
            (url) =>
              location.href === url &&
              document.readyState === 'complete' &&
              !(window as { reloading?: true }).reloading,
            url,
          )
          .then((done) => done || false),
      `${url} to load`,
    );

  const openPage = async (path: string, { beforeLoad }: { beforeLoad?: () => void } = {}) => {
    const url = `${origin}/${path}`;
    const page = await browser.newPage();
    if (options.colorScheme)
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme }]);
    if (options.beforeEveryPage) await page.evaluateOnNewDocument(options.beforeEveryPage);
    if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad);
    if (name === 'chromium') {
      await page.goto(url);
      return page;
    }
    // Over BiDi, navigating to an extension page never reports completion and page.url() stays
    // about:blank: the page itself says where it is and whether it has loaded.
    page.goto(url, { timeout: 0 }).catch(() => undefined);
    await loaded(page, url);
    return page;
  };

  const inWorker = async <Args extends unknown[], T>(
    action: (...args: Args) => T | Promise<T>,
    ...args: Args
  ): Promise<T> => {
    chromiumOnly('The service worker');
    const target = await browser.waitForTarget(
      (target) => target.type() === TargetType.SERVICE_WORKER && target.url().startsWith(origin),
    );
    const worker = (await target.worker())!;
    return worker.evaluate(action as (...args: unknown[]) => unknown, ...args) as Promise<T>;
  };

  return {
    name,
    browser,
    origin,
    id,
    profileDir,
    openPage,
    openPopup: (pageOptions) => openPage('popup.html', pageOptions),
    openOptions: () => openPage('options.html'),
    async reload(page) {
      const url = await page.evaluate(() => {
        (window as { reloading?: true }).reloading = true;
        location.reload();
        return location.href;
      });
      await loaded(page, url);
    },
    backstage: openBackstage,
    inWorker,
    dispatchInWorker: (event, ...args) =>
      inWorker(
        (event, args) => {
          type Events = Record<string, Record<string, { dispatch(...args: unknown[]): void }>>;
          const [api, name] = event.split('.') as [string, string];
          (chrome as unknown as Events)[api]![name]!.dispatch(...args);
        },
        event,
        args,
      ),
    async stopWorkers() {
      chromiumOnly('Stopping the worker');
      // The ServiceWorker domain sees the workers of its page's origin.
      const cdp = await (await openBackstage()).createCDPSession();
      const stopped = new Promise<void>((resolve) =>
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (versions.every((version) => version.runningStatus === 'stopped')) resolve();
        }),
      );
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await cdp.detach();
    },
    async windowOpenedBy(urlPrefix, action) {
      const before = new Set(await browser.pages());
      await action();
      return waitFor(
        async () =>
          (await browser.pages()).find((page) => !before.has(page) && page.url().startsWith(urlPrefix)) ??
          false,
        `a window at ${urlPrefix}`,
      );
    },
    async close({ keepProfile = false } = {}) {
      if (closed) return;
      closed = true;
      // Firefox's close over BiDi has hung at times after a download (its downloads list still being
      // written, likely; not proven): past CLOSE_TIMEOUT_MS the process is killed, as a user's crash would.
      const process = browser.process();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        browser.close(),
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            console.warn(`e2e: ${name} did not close in ${CLOSE_TIMEOUT_MS} ms; killed`);
            process?.kill('SIGKILL');
            resolve();
          }, CLOSE_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (!keepProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}
