import { inject } from 'vitest';
import type { BrowserName } from './harness.ts';

/** The build for `name`, made once per run by global-setup.ts for the run's demo server. */
export const extensionDir = (name: BrowserName) =>
  inject(name === 'firefox' ? 'firefoxExtensionDir' : 'chromeExtensionDir');
