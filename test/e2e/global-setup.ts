import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { LOCAL_EVENTBRITE_CLIENT_ID } from '../../demo/eventbrite-oauth';

declare module 'vitest' {
  export interface ProvidedContext {
    demoPort: number;
    chromeExtensionDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** One port per run, and the extension built once for the demo server that each test file starts on it. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const outDir = await mkdtemp(join(tmpdir(), 'event-scout-e2e-'));
  await promisify(execFile)('node_modules/.bin/wxt', ['build', '-b', 'chrome'], {
    env: {
      ...process.env,
      WXT_DEMO_ISSUER: issuer,
      WXT_DEMO_API: `${issuer}/v3`,
      // The same server plays Eventbrite, so the eventbrite provider runs end to end too.
      WXT_EVENTBRITE_API: `${issuer}/v3`,
      WXT_EVENTBRITE_AUTHORIZE: `${issuer}/oauth/authorize`,
      WXT_EVENTBRITE_CLIENT_ID: LOCAL_EVENTBRITE_CLIENT_ID,
      EVENT_SCOUT_OUT_DIR: outDir,
    },
  });
  project.provide('demoPort', port);
  project.provide('chromeExtensionDir', join(outDir, 'chrome-mv3'));
  return () => rm(outDir, { recursive: true, force: true });
}
