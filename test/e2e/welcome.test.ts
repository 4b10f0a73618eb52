import { expect, test } from 'vitest';
import { signIn } from './auth-window';
import { e2eFile } from './fixtures';
import { welcomePage } from './harness';
import { appears, pageText, role } from './queries';

// The welcome page opens once, on install (test/e2e/update.test.ts: never on update), and shows the
// product: what it does, a sign-in from the page itself, the shortcut and how to pin the button.

const { demo, launch } = await e2eFile();

test.each(['chromium', 'firefox'] as const)(
  '%s: opens on install, signs in from the page, and says how to open it',
  async (name) => {
    const session = await launch(name, { welcome: 'keep' });
    const welcome = await welcomePage(session.browser, session.origin);
    await appears(welcome, role('heading', 'Welcome to Event Scout'));
    const shown = await pageText(welcome);
    expect(shown).toContain('Press Alt+Shift+E on any page.');
    expect(shown).toContain('Type ev and a space in the address bar');
    // A new extension sits in Chrome's extensions menu, so the page says how to pin it; Firefox puts
    // it in the toolbar (action.default_area).
    if (name === 'chromium') expect(shown).toContain('Pin it to the toolbar.');
    else expect(shown).not.toContain('Pin it to the toolbar.');
    await signIn(session, welcome, demo.issuer);
    await appears(welcome, role('button', 'Sign out'));
  },
);

test('chromium: a restart opens no welcome page again', async () => {
  const first = await launch('chromium');
  await first.close({ keepProfile: true });
  const again = await launch('chromium', { profileDir: first.profileDir });
  const popup = await again.openPopup();
  await appears(popup, role('button', 'Sign in'));
  expect((await again.browser.pages()).map((page) => page.url())).not.toContain(
    `${again.origin}/welcome.html`,
  );
});
