import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, test } from 'vitest';

type Message = Awaited<ReturnType<typeof parseMessagesFile>>[number];

const LOCALES = readdirSync('locales')
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.replace(/\.yml$/, ''));

/** A locale's own messages by key (the parser adds the browser's predefined @@ ones). */
async function messagesOf(locale: string): Promise<Map<string, Message>> {
  const messages = await parseMessagesFile(`locales/${locale}.yml`);
  return new Map(
    messages
      .map((message) => [message.key.join('.'), message] as const)
      .filter(([key]) => !key.startsWith('@@')),
  );
}

const english = await messagesOf('en');

/** What a translation must keep as it is: the shape of the message and every placeholder in it. */
const placeholders = (message: Message) => ({
  type: message.type,
  positional: message.substitutions,
  named: [...message.namedSubstitutions].sort(),
  plurals: message.type === 'plural' ? Object.keys(message.plurals).sort() : [],
});

/** Every text of a message: one, or one per plural form. */
const textsOf = (message: Message): string[] =>
  message.type === 'plural' ? Object.values(message.plurals) : [message.message];

/** Every file whose text may name a message key: the extension's own code and its manifest's config. */
function sources(): string {
  const files = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  return [...files, 'wxt.config.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');
}

/**
 * English words that are the same in the other locales: names (the product's, the providers', other
 * services') and words German borrowed. Anything else left in English is a missed translation.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'extName',
  'account.providerProblem',
  'status.withAge',
  'status.offline',
  'options.cacheFigures',
  'results.details',
  'results.online',
  'saved.online',
  'details.status',
  'calendar.outlook',
  'provider.demo',
  'provider.eventbrite',
  'provider.ticketmaster',
]);

test('English and German are the locales', () => {
  expect(LOCALES.sort()).toEqual(['de', 'en']);
});

test('every English key is used, by its full name (no keys are built from strings)', () => {
  const code = sources();
  const unused = [...english.keys()].filter(
    (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key.replaceAll('.', '_')}__`),
  );
  expect(english.size).toBeGreaterThan(100);
  expect(unused).toEqual([]);
});

describe.each(LOCALES.filter((locale) => locale !== 'en'))('%s', async (locale) => {
  const translated = await messagesOf(locale);

  test('has every English key and no other', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  test('keeps every placeholder and plural form of the English', () => {
    const differing = [...english].filter(
      ([key, message]) =>
        JSON.stringify(placeholders(message)) !== JSON.stringify(placeholders(translated.get(key)!)),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  test('is translated: nothing empty, nothing left in English but names', () => {
    const untranslated = [...english].filter(([key, message]) => {
      const texts = textsOf(translated.get(key)!);
      return (
        texts.some((text) => !text.trim()) ||
        (!SAME_IN_EVERY_LANGUAGE.has(key) && JSON.stringify(texts) === JSON.stringify(textsOf(message)))
      );
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe.each(LOCALES)('%s: the manifest fits the stores', async (locale) => {
  const messages = await messagesOf(locale);
  const text = (key: string) => textsOf(messages.get(key)!)[0]!;

  // The Chrome Web Store allows a name of 75 characters and AMO 50; both a description of 132.
  test('name at most 50 characters, description at most 132', () => {
    expect(text('extName').length).toBeGreaterThan(0);
    expect(text('extName').length).toBeLessThanOrEqual(50);
    expect(text('extDescription').length).toBeGreaterThan(0);
    expect(text('extDescription').length).toBeLessThanOrEqual(132);
  });
});
