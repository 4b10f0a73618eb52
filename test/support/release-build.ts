import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoBuildEnv } from '../../demo/build-env.ts';

const run = promisify(execFile);

/**
 * A released version built from git as it was (`git archive <commit>`), for the demo server at `issuer`,
 * as users of that release have it. Its dependencies come from npm's cache where it has them (`npm ci
 * --prefer-offline`), so building an old release costs little more than its build. Returns the
 * unpacked Chrome build.
 */
export async function buildRelease(commit: string, issuer: string, outDir: string): Promise<string> {
  const source = join(outDir, `release-${commit}`);
  await mkdir(source, { recursive: true });
  await run('sh', ['-c', `git archive ${commit} | tar -x -C "${source}"`]);
  await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: source,
  });
  await run('node_modules/.bin/wxt', ['prepare'], { cwd: source });
  await run('node_modules/.bin/wxt', ['build', '-b', 'chrome'], {
    cwd: source,
    env: { ...process.env, ...demoBuildEnv(issuer), EVENT_SCOUT_OUT_DIR: join(source, '.output') },
  });
  return join(source, '.output', 'chrome-mv3');
}
