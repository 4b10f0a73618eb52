import { afterAll, afterEach, inject } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { signIn } from './auth-window';
import { launchBrowser, type BrowserName, type ExtensionSession, type LaunchOptions } from './harness';

/** The build for `name`, made once per run by global-setup.ts for the run's demo server. */
export const extensionDir = (name: BrowserName) =>
  inject(name === 'firefox' ? 'firefoxExtensionDir' : 'chromeExtensionDir');

/**
 * What every e2e file shares: the run's demo server, on the port the builds were made for and closed
 * after the file, and the browsers a test launches, each with its build and closed after the test
 * whatever happened in it.
 */
export async function e2eFile() {
  const demo = await startDemoServer({ port: inject('demoPort') });
  afterAll(() => demo.close());
  const launched: ExtensionSession[] = [];
  afterEach(async () => {
    await Promise.all(launched.splice(0).map((session) => session.close()));
  });

  const launch = async (name: BrowserName, options: LaunchOptions = {}) => {
    const session = await launchBrowser(name, extensionDir(name), options);
    launched.push(session);
    return session;
  };
  /** A fresh browser signed in as Dana from its popup, which is returned open. */
  const launchSignedIn = async (name: BrowserName, options: LaunchOptions = {}) => {
    const session = await launch(name, options);
    const popup = await session.openPopup();
    await signIn(session, popup, demo.issuer);
    return { session, popup };
  };
  return { demo, launch, launchSignedIn };
}
