import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * `web-ext lint` on the Firefox build, strict about our own code: any error fails, and so does any
 * warning or notice except one known to come from a library. The one today is Preact's support for
 * `dangerouslySetInnerHTML` (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`), bundled with our
 * code; Event Scout never uses that prop (test/e2e/hostile-content.test.ts shows text stays text).
 */
interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const dir = process.argv[2] ?? '.output/firefox-mv3';
const { stdout } = await promisify(execFile)(
  'node_modules/.bin/web-ext',
  ['lint', '--source-dir', dir, '--output', 'json'],
  { maxBuffer: 16 * 1024 * 1024 },
).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
const report = JSON.parse(stdout) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };

async function isPreactInnerHtml(finding: Finding): Promise<boolean> {
  if (
    finding.code !== 'UNSAFE_VAR_ASSIGNMENT' ||
    !finding.file ||
    finding.line === undefined ||
    finding.column === undefined
  )
    return false;
  const line = (await readFile(join(dir, finding.file), 'utf8')).split('\n')[finding.line - 1] ?? '';
  // Preact's diff, minified: `…||(u.innerHTML=h.__html)` right after its dangerouslySetInnerHTML checks.
  return /\.innerHTML=\w+\.__html/.test(line.slice(Math.max(0, finding.column - 200), finding.column + 200));
}

const ours: Finding[] = [...report.errors, ...report.notices];
for (const warning of report.warnings) if (!(await isPreactInnerHtml(warning))) ours.push(warning);
for (const finding of ours)
  console.error(`${finding.code}: ${finding.message} (${finding.file ?? ''}:${finding.line ?? ''})`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ${ours.length} from Event Scout's own code`,
);
process.exit(ours.length ? 1 : 0);
