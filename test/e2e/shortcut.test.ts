import { expect, test } from 'vitest';
import { e2eFile } from './fixtures';

// The shortcut as each browser registered it: a manifest key the browser rejected, or one it left unset
// for a conflict, would show here as a command without its keys.

const { launch } = await e2eFile();

test.each(['chromium', 'firefox'] as const)('%s: Alt+Shift+E opens the popup', async (name) => {
  const session = await launch(name);
  const popup = await session.openPopup();
  const commands = await popup.evaluate(async () =>
    (await chrome.commands.getAll()).map(({ name, shortcut }) => ({ name, shortcut })),
  );
  expect(commands).toEqual([{ name: '_execute_action', shortcut: 'Alt+Shift+E' }]);
});
