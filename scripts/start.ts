import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoBuildEnv } from '../demo/build-env.ts';
import { startDemoServer } from '../demo/server.ts';

/**
 * `npm start`: the demo provider on loopback, the extension built for it, and a browser with a fresh
 * profile and the extension installed, which opens its welcome page. Where no browser window can open,
 * says where the build is and how to load it.
 */
const issuer = new URL(process.env.WXT_DEMO_ISSUER ?? 'http://127.0.0.1:8787');
const demo = await startDemoServer({ host: issuer.hostname, port: Number(issuer.port || 80) });
console.log(`Demo provider: ${demo.issuer} (accounts: demo / demo, sam / sam-password)`);

const build = spawnSync('node_modules/.bin/wxt', ['build', '-b', 'chrome'], {
  stdio: 'inherit',
  // With the demo's Ticketmaster key built in, so the quick start has two providers and no account anywhere.
  env: { ...process.env, ...demoBuildEnv(demo.issuer, { ticketmasterKey: true }) },
});
if (build.status !== 0) {
  await demo.close();
  process.exit(build.status ?? 1);
}
const extensionDir = resolve('.output/chrome-mv3');

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/chromium-browser',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const browserPath = candidates.find((path) => path && existsSync(path));
const canShowWindow =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function explainManualLoad(reason: string) {
  console.log(`
${reason}
The unpacked extension is built at:
  ${extensionDir}
To load it: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and choose that folder.
The demo provider keeps running here until you press Ctrl+C.`);
}

const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (!browserPath || !canShowWindow) {
  explainManualLoad(
    browserPath
      ? 'No display here, so no browser window can open.'
      : 'No Chromium or Chrome found (set CHROME_PATH to use another).',
  );
} else {
  console.log(`Opening ${browserPath} with a fresh profile and Event Scout installed…
Its welcome page opens by itself: click "Sign in" there (demo / demo).
Then click the puzzle-piece button right of the address bar, pin Event Scout, and click its icon
(or press Alt+Shift+E) to search. Right-click selected words, or type "ev" and a space in the
address bar, to search from anywhere.`);
  const args = [
    'run',
    '--target',
    'chromium',
    '--chromium-binary',
    browserPath,
    '--source-dir',
    extensionDir,
    '--no-reload',
  ];
  // Chromium refuses to start as root with its sandbox on (containers, CI boxes).
  if (process.getuid?.() === 0) args.push('--arg=--no-sandbox');
  const browser = spawn('node_modules/.bin/web-ext', args, { stdio: 'inherit' });
  browser.on('exit', (code) => {
    if (code) explainManualLoad('The browser could not be started with the extension.');
    else stop();
  });
}
