import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, test } from 'vitest';
import { TargetType } from 'puppeteer-core';
import { DEMO_TICKETMASTER_KEY } from '../../demo/ticketmaster-api';
import RELEASED_PERMISSIONS from '../fixtures/released-permissions.json';
import { providerKey } from '../../lib/provider-id';
import { e2eFile } from './fixtures';

// What the extension lets in: the manifest is fixed here, the bundle carries no code made at run time
// or fetched from elsewhere, and neither a web page nor another extension can reach the background.

// The run's demo server for this file, on the port the extension was built for.
const { demo, launchSignedIn } = await e2eFile();
const builtDir = () => inject('chromeExtensionDir');

/**
 * Permissions that show the user no warning, at install or on update (Chrome's permission-warnings list
 * has none for them; Firefox prompts for neither): adding one disables no one's extension.
 */
const SILENT_PERMISSIONS = ['sidePanel', 'contextMenus', 'menus'];

const readManifest = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** Every file under `dir` whose name ends with one of `extensions`. */
async function filesIn(dir: string, extensions: string[]): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the manifest', () => {
  test('Firefox: says what leaves the device, and puts the button in the toolbar', async () => {
    const manifest = await readManifest(inject('firefoxExtensionDir'));
    expect(manifest).toMatchObject({
      action: { default_area: 'navbar' },
      // Firefox's name for the context menu's permission.
      permissions: ['identity', 'storage', 'alarms', 'menus'],
      omnibox: { keyword: 'ev' },
      sidebar_action: { default_panel: 'sidepanel.html', open_at_install: false },
      commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+E' } } },
      browser_specific_settings: {
        gecko: { data_collection_permissions: { required: ['searchTerms', 'authenticationInfo'] } },
      },
    });
  });

  test('asks for exactly what DESIGN.md names, and opens nothing to pages or other extensions', async () => {
    const manifest = await readManifest(builtDir());
    expect(Object.keys(manifest).sort()).toEqual([
      'action',
      'background',
      'commands',
      'content_security_policy',
      'default_locale',
      'description',
      'host_permissions',
      'icons',
      'key',
      'manifest_version',
      'name',
      'omnibox',
      'optional_permissions',
      'options_ui',
      'permissions',
      'side_panel',
      'version',
    ]);
    expect(manifest).toMatchObject({
      manifest_version: 3,
      permissions: ['identity', 'storage', 'alarms', 'contextMenus', 'sidePanel'],
      optional_permissions: ['notifications'],
      side_panel: { default_path: 'sidepanel.html' },
      omnibox: { keyword: 'ev' },
      // The test build points the demo provider and Eventbrite at the one demo server.
      host_permissions: [`http://127.0.0.1:${inject('demoPort')}/*`],
      background: { service_worker: 'background.js' },
      commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+E' } } },
      // Words from _locales, so the store listing and the toolbar speak the browser's language.
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
    });
    // Absent, so the browser's defaults hold: no externally_connectable, web_accessible_resources,
    // content_scripts.
    for (const key of ['externally_connectable', 'web_accessible_resources', 'content_scripts'])
      expect(manifest).not.toHaveProperty(key);
    // A content security policy no looser than MV3's default for scripts, and images from the providers'
    // image hosts alone (an image is a beacon in a hostile provider's hands).
    const policy = Object.fromEntries(
      (manifest.content_security_policy as { extension_pages: string }).extension_pages
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(policy).toEqual({
      'script-src': ["'self'"],
      'object-src': ["'self'"],
      'img-src': [
        "'self'",
        'https://demo.event-scout.test',
        'https://img.evbuc.com',
        'https://cdn.evbuc.com',
        'https://s1.ticketm.net',
      ],
    });
  });

  test('the store package asks for nothing the last release did not, and holds no demo key or loopback base', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'event-scout-store-'));
    try {
      // `npm run zip` itself, from an environment with no build variables of this run's.
      const clean = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('WXT_')),
      );
      await promisify(execFile)('npm', ['run', 'zip'], { env: { ...clean, EVENT_SCOUT_OUT_DIR: outDir } });
      // A permission that warns, added in an update, disables the extension until each user re-approves it.
      const last = Object.values(RELEASED_PERMISSIONS).at(-1)!;
      for (const browser of ['chrome', 'firefox'] as const) {
        const dir = join(outDir, `${browser}-mv3`);
        const manifest = await readManifest(dir);
        for (const field of ['permissions', 'optional_permissions', 'host_permissions'] as const) {
          const added = ((manifest[field] as string[] | undefined) ?? []).filter(
            (permission) => !last[browser][field].includes(permission),
          );
          expect(added.filter((permission) => !SILENT_PERMISSIONS.includes(permission))).toEqual([]);
        }
        const bundle = (
          await Promise.all(
            (await filesIn(dir, ['.js', '.html', '.json'])).map((file) => readFile(file, 'utf8')),
          )
        ).join('\n');
        expect(bundle).not.toContain(DEMO_TICKETMASTER_KEY);
        expect(bundle).toContain('https://app.ticketmaster.com/discovery/v2');
        // No loopback URL at all: neither the demo provider's issuer or API nor a Discovery base.
        expect(bundle).not.toMatch(/https?:\/\/(127\.0\.0\.1|localhost|\[::1\])/);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the bundle', () => {
  test('no eval, no new Function, no string timers, no script from elsewhere', async () => {
    const findings: string[] = [];
    for (const file of await filesIn(builtDir(), ['.js'])) {
      const code = await readFile(file, 'utf8');
      const patterns = [
        /\beval\s*\(/,
        /\bnew\s+Function\s*\(/,
        /[^.\w]Function\s*\(\s*["'`]/,
        /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
        /\bimportScripts\s*\(/,
        /\bimport\s*\(\s*["'`]https?:/,
      ];
      for (const pattern of patterns) if (pattern.test(code)) findings.push(`${file}: ${pattern}`);
    }
    for (const file of await filesIn(builtDir(), ['.html'])) {
      const html = await readFile(file, 'utf8');
      for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
        if (!src!.startsWith('/')) findings.push(`${file}: script ${src}`);
    }
    expect(findings).toEqual([]);
    // The scan would see them: the bundle is really there.
    expect((await filesIn(builtDir(), ['.js'])).length).toBeGreaterThan(2);
  });
});

describe('messages from outside', () => {
  const searchRequests = () => demo.requestCount('GET /v3/events/search/');
  const attempts = (extensionId: string) =>
    [
      {
        type: 'search/run',
        payload: {
          query: { text: 'jazz', place: '', when: 'any', onlineOnly: false, freeOnly: false },
          timeZone: 'UTC',
          force: true,
        },
      },
      { type: 'auth/sign-in' },
      { type: 'auth/state' },
      { type: 'cache/clear' },
    ].map((message) => ({ extensionId, message }));

  test('a web page cannot message the extension nor load its pages', async () => {
    const ext = (await launchSignedIn('chromium')).session;
    const extensionId = ext.id;
    const before = searchRequests();
    const page = await ext.browser.newPage();
    await page.goto(`${demo.issuer}/health`);
    const outcome = await page.evaluate(
      async ({ extensionId, messages }) => {
        const runtime = (
          globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }
        ).chrome?.runtime;
        const replies: string[] = [];
        for (const { message } of messages) {
          try {
            replies.push(JSON.stringify(await runtime!.sendMessage!(extensionId, message)));
          } catch (error) {
            replies.push(`refused: ${(error as Error).name}`);
          }
        }
        const popup = await fetch(`chrome-extension://${extensionId}/popup.html`).then(
          () => 'loaded',
          (error: Error) => `refused: ${error.name}`,
        );
        return { replies, popup };
      },
      { extensionId, messages: attempts(extensionId) },
    );
    expect(outcome).toEqual({ replies: Array(4).fill('refused: TypeError'), popup: 'refused: TypeError' });
    expect(searchRequests()).toBe(before);
  });

  test('another extension gets no answer, no token and no search', async () => {
    const intruderDir = await mkdtemp(join(tmpdir(), 'event-scout-intruder-'));
    try {
      await mkdir(intruderDir, { recursive: true });
      await writeFile(
        join(intruderDir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'Intruder',
          version: '1.0',
          background: { service_worker: 'worker.js' },
        }),
      );
      await writeFile(
        join(intruderDir, 'worker.js'),
        '// Its only purpose is to be an extension that tries.\n',
      );
      const ext = (await launchSignedIn('chromium', { otherExtensions: [intruderDir] })).session;
      const ownOrigin = ext.origin;
      const ownId = ext.id;
      const intruderTarget = await ext.browser.waitForTarget(
        (target) =>
          target.type() === TargetType.SERVICE_WORKER &&
          target.url().startsWith('chrome-extension://') &&
          !target.url().startsWith(ownOrigin),
      );
      // Attaching to the intruder's worker is harmless here: it is never stopped.
      const intruder = (await intruderTarget.worker())!;
      expect(intruder).toBeDefined();
      const before = searchRequests();

      const replies = await intruder.evaluate(async (messages) => {
        const results: string[] = [];
        for (const { extensionId, message } of messages) {
          try {
            results.push(JSON.stringify(await chrome.runtime.sendMessage(extensionId, message)));
          } catch (error) {
            results.push(`refused: ${(error as Error).message}`);
          }
        }
        // A long-lived port is refused too.
        const port = chrome.runtime.connect(messages[0]!.extensionId);
        results.push(
          await new Promise<string>((resolve) =>
            port.onDisconnect.addListener(() =>
              resolve(`disconnected: ${chrome.runtime.lastError?.message ?? ''}`),
            ),
          ),
        );
        return results;
      }, attempts(ownId));

      expect(replies.slice(0, 4)).toEqual(
        Array(4).fill('refused: Could not establish connection. Receiving end does not exist.'),
      );
      expect(replies[4]).toMatch(/^disconnected: /);
      expect(replies.join(' ')).not.toMatch(/accessToken|refreshToken/);
      expect(searchRequests()).toBe(before);
      // And the extension still works for its own pages.
      expect(
        await (
          await ext.backstage()
        ).evaluate(
          (key) =>
            chrome.storage.local
              .get(key)
              .then((stored) => Boolean((stored[key] as { accessToken?: string } | undefined)?.accessToken)),
          providerKey('demo', 'tokens'),
        ),
      ).toBe(true);
    } finally {
      await rm(intruderDir, { recursive: true, force: true });
    }
  });
});
