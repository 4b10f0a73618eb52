import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoBuildEnv } from '../../demo/build-env.ts';

/**
 * Builds the extension for a demo server at `issuer` (the issuer is compiled in and compared exactly);
 * the same server plays Eventbrite and Ticketmaster, so every provider runs against it. Returns the
 * unpacked dir.
 */
export async function buildExtensionFor(
  issuer: string,
  outDir: string,
  browser: 'chrome' | 'firefox' = 'chrome',
  options: { ticketmasterKey?: boolean } = {},
): Promise<string> {
  await promisify(execFile)('node_modules/.bin/wxt', ['build', '-b', browser, '--mv3'], {
    env: {
      ...process.env,
      ...demoBuildEnv(issuer, options),
      EVENT_SCOUT_OUT_DIR: outDir,
    },
  });
  return join(outDir, `${browser}-mv3`);
}
