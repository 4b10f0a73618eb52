import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LOCAL_EVENTBRITE_CLIENT_ID } from '../../demo/eventbrite-oauth.ts';

/**
 * Builds the extension for a demo server at `issuer` (the issuer is compiled in and compared exactly);
 * the same server plays Eventbrite, so both providers run against it. Returns the unpacked dir.
 */
export async function buildExtensionFor(
  issuer: string,
  outDir: string,
  browser: 'chrome' | 'firefox' = 'chrome',
): Promise<string> {
  await promisify(execFile)('node_modules/.bin/wxt', ['build', '-b', browser, '--mv3'], {
    env: {
      ...process.env,
      WXT_DEMO_ISSUER: issuer,
      WXT_DEMO_API: `${issuer}/v3`,
      WXT_EVENTBRITE_API: `${issuer}/v3`,
      WXT_EVENTBRITE_AUTHORIZE: `${issuer}/oauth/authorize`,
      WXT_EVENTBRITE_CLIENT_ID: LOCAL_EVENTBRITE_CLIENT_ID,
      EVENT_SCOUT_OUT_DIR: outDir,
    },
  });
  return join(outDir, `${browser}-mv3`);
}
