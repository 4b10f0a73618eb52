import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExtensionFor } from '../support/build-extension.ts';
import { freePort } from '../support/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoPort: number;
    chromeExtensionDir: string;
    firefoxExtensionDir: string;
  }
}

/** One port per run, and the extension built once per browser for the demo server that each test file starts on it. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const outDir = await mkdtemp(join(tmpdir(), 'event-scout-e2e-'));
  const issuer = `http://127.0.0.1:${port}`;
  project.provide('demoPort', port);
  // One after the other: both builds regenerate the project's .wxt folder.
  project.provide('chromeExtensionDir', await buildExtensionFor(issuer, outDir, 'chrome'));
  project.provide('firefoxExtensionDir', await buildExtensionFor(issuer, outDir, 'firefox'));
  return () => rm(outDir, { recursive: true, force: true });
}
