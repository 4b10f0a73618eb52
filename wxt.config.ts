import { defineConfig } from 'wxt';
import { buildConfig, buildConfigDefine, extensionPagesPolicy } from './lib/build-defaults';
import { CHROME_MANIFEST_KEY, GECKO_ID } from './lib/extension-identity';

// The providers' origins are the only hosts the background talks to (the demo provider's only in builds
// that start on it: lib/build-defaults.ts buildConfig).
const config = buildConfig(process.env);
const { demo, eventbrite } = config;
const hostPermissions = [...new Set([...demo.origins, ...eventbrite.origins])];

export default defineConfig({
  // No webextension-polyfill: Chrome's MV3 APIs and Firefox's both return promises, and it cost every page
  // 3 KB gzipped. `wxt/browser` is then the browser's own `browser` (Firefox) or `chrome` (Chrome).
  modules: ['@wxt-dev/i18n/module'],
  outDir: process.env.EVENT_SCOUT_OUT_DIR ?? '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox's name for the context menu's permission (and API) is `menus`.
    permissions: ['identity', 'storage', 'alarms', browser === 'firefox' ? 'menus' : 'contextMenus'],
    optional_permissions: ['notifications'],
    host_permissions: hostPermissions,
    content_security_policy: { extension_pages: extensionPagesPolicy(config) },
    action: {
      default_title: '__MSG_extName__',
      // Firefox puts the button in the toolbar, not its extensions menu; Chrome has no such key (the
      // welcome page shows how to pin it).
      ...(browser === 'firefox' && { default_area: 'navbar' }),
    },
    // "ev" then a space in the address bar: suggestions from the cache (lib/address-bar.ts).
    omnibox: { keyword: 'ev' },
    // Opens the popup; each browser lets the user change it (README "Keyboard").
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+E' } } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // What leaves the device, said honestly: the searches go to the providers the user connects,
              // and so does signing in to them (PRIVACY.md). Nothing goes anywhere else.
              data_collection_permissions: { required: ['searchTerms', 'authenticationInfo'] },
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: CHROME_MANIFEST_KEY }),
  }),
  hooks: {
    // The popup (with the side panel) is built on its own, not with the options page: pages built
    // together share chunks, and every function only the options page calls would ride in the popup's
    // share, with the import lists between the chunks (1.4 KB gzipped of the popup's 25 KB budget,
    // measured). Options then carries its own copy of what both use; it opens in a tab, where that costs
    // nobody a frame.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find(
        (group) => Array.isArray(group) && group.some((entrypoint) => entrypoint.name === 'popup'),
      );
      if (!Array.isArray(pages) || pages.length < 2) return;
      // The side panel is the popup's app in another page: built with it, it shares the popup's files.
      const isPopupApp = (entrypoint: { name: string }) => ['popup', 'sidepanel'].includes(entrypoint.name);
      const popup = pages.filter(isPopupApp);
      pages.splice(0, pages.length, ...pages.filter((entrypoint) => !isPopupApp(entrypoint)));
      groups.push(popup);
    },
  },
  vite: () => ({
    // lib/config.ts: this build's configuration, resolved here, compiled in whole.
    define: buildConfigDefine(process.env),
    // Both browsers preload modules natively (Chrome 66, Firefox 115): Vite's polyfill is a chunk the
    // popup would fetch for nothing.
    build: {
      modulePreload: { polyfill: false },
      // Terser, twice over, packs the popup's first files 0.6% smaller than Vite's default (Oxc's): the
      // room its 25 KB budget needed (measured: 25,669 → 25,471 bytes gzipped).
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
