import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildRelease } from '../support/release-build';
import { signIn } from './auth-window';
import { e2eFile, extensionDir } from './fixtures';
import { launchBrowser, type ExtensionSession } from './harness';
import {
  EVENT_ITEMS,
  appears,
  attribute,
  click,
  count,
  role,
  search,
  textOf,
  valueOf,
  SEARCHBOX,
} from './queries';

// An update loses nothing: a user of 0.1.0 (commit d7fdf98, built from git as it was) signs in, searches
// and saves a search; the extension's files are replaced with this build in the same profile, as an
// update does; the next popup is still signed in, paints the cached results at once, still has the
// saved search, and refreshes. Chromium: an unpacked extension updated in place keeps its id and data.

const RELEASE_0_1_0 = 'd7fdf98';
const { demo } = await e2eFile();
let workDir: string;
let releaseDir: string;
const sessions: ExtensionSession[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'event-scout-update-'));
  releaseDir = await buildRelease(RELEASE_0_1_0, demo.issuer, workDir);
}, 300_000);
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

async function launchInstalled(installed: string, profileDir?: string) {
  // 0.1.0 had no welcome page, and this build opens none over 0.1.0's data (asserted below).
  const session = await launchBrowser('chromium', installed, { profileDir, welcome: 'none' });
  sessions.push(session);
  return session;
}

describe('chromium: updating from 0.1.0', () => {
  test('keeps the sign-in, the cached results, the saved search and the settings', async () => {
    // The folder the browser loads the extension from: 0.1.0's files now, this build's after the update.
    const installed = join(workDir, 'installed');
    await cp(releaseDir, installed, { recursive: true });

    const before = await launchInstalled(installed);
    const popup = await before.openPopup();
    await signIn(before, popup, demo.issuer);
    await search(popup, 'jazz');
    await appears(popup, EVENT_ITEMS);
    const titles = await popup.$$eval(`${EVENT_ITEMS} a`, (links) => links.map((link) => link.textContent));
    await click(popup, role('button', 'Save search'));
    await expect.poll(() => attribute(popup, role('button', 'Save search'), 'aria-pressed')).toBe('true');
    await before.close({ keepProfile: true });

    await rm(installed, { recursive: true, force: true });
    await cp(extensionDir('chromium'), installed, { recursive: true });
    const authorizations = demo.requestCount('GET /auth');

    // Files replaced under an unpacked extension are read at start-up, but Chromium would go on running
    // the service worker it registered for 0.1.0; a store update registers the new one. Forgetting the
    // registration does the same here (storage and IndexedDB live elsewhere in the profile, and stay).
    await rm(join(before.profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
    const after = await launchInstalled(installed, before.profileDir);
    const reopened = await after.openPopup();
    // Still signed in, on the last query, its cached results painted before anything is fetched again.
    await appears(reopened, role('button', 'Sign out'));
    expect(await valueOf(reopened, SEARCHBOX)).toBe('jazz');
    await appears(reopened, EVENT_ITEMS);
    expect(await textOf(reopened, `${EVENT_ITEMS}:first-child a`)).toBe(titles[0]);
    expect(await attribute(reopened, role('button', 'Save search'), 'aria-pressed')).toBe('true');

    // The next refresh works, with the same session: no new authorization, whatever a refresh needed.
    await click(reopened, role('button', 'Refresh'));
    await expect.poll(() => count(reopened, EVENT_ITEMS)).toBeGreaterThan(0);
    expect(await count(reopened, role('alert'))).toBe(0);
    expect(demo.requestCount('GET /auth')).toBe(authorizations);
    // An update is no install: no welcome page (test/e2e/welcome.test.ts has it open on install).
    expect((await after.browser.pages()).map((page) => page.url())).not.toContain(
      `${after.origin}/welcome.html`,
    );
  });
});
