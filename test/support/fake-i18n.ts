import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser has no i18n API. This one answers from the real locale file, the way the browser
 * answers from the built _locales: the same messages, `$1`…`$9` put in place, "" for an unknown key.
 */
const messages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

function getMessage(name: string, substitutions?: string | (string | number)[]): string {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\d)/g, (_, index: string) => String(values[Number(index) - 1] ?? ''));
}

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
