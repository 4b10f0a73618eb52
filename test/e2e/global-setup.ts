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
  }
}

/** One port per run, and the extension built once for the demo server that each test file starts on it. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const outDir = await mkdtemp(join(tmpdir(), 'event-scout-e2e-'));
  project.provide('demoPort', port);
  project.provide('chromeExtensionDir', await buildExtensionFor(`http://127.0.0.1:${port}`, outDir));
  return () => rm(outDir, { recursive: true, force: true });
}
