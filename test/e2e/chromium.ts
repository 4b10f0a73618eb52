import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The current service worker (it may have been stopped and restarted since the last call). */
  worker(): Promise<Worker>;
  /** "Opening the popup": popup.html in a tab, as the tests and benchmarks define it. */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Stops every service worker, as Chrome does after 30 s idle. */
  stopWorkers(): Promise<void>;
  /** Closes the browser; `keepProfile` leaves the profile for a restart with `launchExtension`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
  profileDir: string;
}

/** Chromium's flags for loading unpacked extensions headless, quietly, with nothing else loaded. */
export function chromiumArgsFor(extensionDirs: string[]): string[] {
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
  ];
}

/** Ours is the extension whose worker has a popup: other extensions may be loaded next to it. */
async function findOwnExtensionId(context: BrowserContext): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const worker of context.serviceWorkers()) {
      if (
        await worker
          .evaluate(() =>
            Boolean(
              (chrome.runtime.getManifest().action as { default_popup?: string } | undefined)?.default_popup,
            ),
          )
          .catch(() => false)
      )
        return new URL(worker.url()).host;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the extension’s service worker did not start');
}

/** Real Chromium (Debian's) with the unpacked build loaded (and any other extensions given), in a fresh profile. */
export async function launchExtension(
  extensionDir: string,
  options: {
    timezoneId?: string;
    colorScheme?: 'light' | 'dark';
    profileDir?: string;
    debuggingPort?: number;
    otherExtensions?: string[];
  } = {},
): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'event-scout-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
    locale: 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    args: [
      ...chromiumArgsFor([extensionDir, ...(options.otherExtensions ?? [])]),
      // For benchmarks that read the service worker's heap over the DevTools protocol.
      ...(options.debuggingPort ? [`--remote-debugging-port=${options.debuggingPort}`] : []),
    ],
  });
  const extensionId = await findOwnExtensionId(context);
  const origin = `chrome-extension://${extensionId}`;

  const openPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`);
    return page;
  };

  return {
    context,
    extensionId,
    async worker() {
      const running = context.serviceWorkers().find((worker) => worker.url().startsWith(origin));
      if (running) return running;
      // Waking the worker: any extension page asking it something does that.
      const waiting = context.waitForEvent('serviceworker');
      return waiting;
    },
    openPopup: () => openPage('popup.html'),
    openOptions: () => openPage('options.html'),
    async stopWorkers() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}
