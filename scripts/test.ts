import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm test`: the type check, the linters and every test tier, each run even when one before it failed,
 * so a run tells everything that is wrong at once. Each check counts as one test in the closing line,
 * `N passed, M failed`, which is also written to test-results/summary.txt for `.ci/run` to repeat last.
 * Arguments go to vitest (`npm test -- --project unit`).
 */
const RESULTS = 'test-results';
const VITEST_JSON = join(RESULTS, 'vitest.json');
const SUMMARY = join(RESULTS, 'summary.txt');

const CHECKS = [
  ['type check', 'typecheck'],
  ['lint and format', 'lint'],
  ['Firefox lint', 'lint:firefox'],
] as const;

/** What vitest's JSON reporter writes, as far as this script reads it. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  success: boolean;
}

const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

function vitestCounts(succeeded: boolean): { passed: number; failed: number } {
  try {
    const report = JSON.parse(readFileSync(VITEST_JSON, 'utf8')) as VitestReport;
    // A run that failed outside any test (a global setup, an unhandled error) counts as one failure.
    const failedOutside = !succeeded && report.numFailedTests === 0 ? 1 : 0;
    return { passed: report.numPassedTests, failed: report.numFailedTests + failedOutside };
  } catch {
    // No report at all: vitest did not get as far as writing one.
    return { passed: 0, failed: 1 };
  }
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
for (const [label, script] of CHECKS) {
  const ok = run('npm', ['run', '--silent', script]);
  console.log(`${ok ? '✓' : '✗'} ${label}`);
  if (ok) passed++;
  else failed++;
}

const vitestOk = run('node_modules/.bin/vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST_JSON}`,
  ...process.argv.slice(2),
]);
const tests = vitestCounts(vitestOk);
passed += tests.passed;
failed += tests.failed;

const line = `${passed} passed, ${failed} failed`;
writeFileSync(SUMMARY, `${line}\n`);
console.log(line);
process.exit(failed === 0 ? 0 : 1);
