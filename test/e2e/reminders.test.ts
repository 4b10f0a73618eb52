import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { addListing } from '../support/listings';
import { e2eFile } from './fixtures';
import { EVENT_ITEMS, appears, attribute, click, inside, role, search, selectByLabel } from './queries';

const { demo, launchSignedIn } = await e2eFile();

const HOUR = 3_600_000;

/** The reminder alarms the extension holds, by name, at their instants (any extension page may ask). */
const reminderAlarms = (page: Page) =>
  page.evaluate(async () =>
    Object.fromEntries(
      (await chrome.alarms.getAll())
        .filter((alarm) => alarm.name.startsWith('reminder:'))
        .map((alarm) => [alarm.name, alarm.scheduledTime]),
    ),
  );

/** A new listing starting `hoursAhead` from now, kept as Interested from the popup's results. */
async function keepListing(popup: Page, title: string, hoursAhead: number) {
  const start = new Date(Math.ceil((Date.now() + hoursAhead * HOUR) / 1000) * 1000);
  const listing = addListing(demo, title, {
    start: { ...demo.events()[0]!.start, utc: start.toISOString().replace(/\.\d+Z$/, 'Z') },
    end: {
      ...demo.events()[0]!.end,
      utc: new Date(start.getTime() + HOUR).toISOString().replace(/\.\d+Z$/, 'Z'),
    },
  });
  await search(popup, title.toLowerCase());
  await appears(popup, EVENT_ITEMS);
  const toggle = inside(`${EVENT_ITEMS}:first-child`, role('button', 'Interested'));
  await click(popup, toggle);
  await expect.poll(() => attribute(popup, toggle, 'aria-pressed')).toBe('true');
  return { listing, alarm: `reminder:interested:demo:${listing.id}`, start: start.getTime() };
}

describe('reminders', () => {
  test('chromium: keeping an event sets its alarm an hour before; "Reminders" moves it, "Off" clears it', async () => {
    const { session, popup } = await launchSignedIn('chromium');
    const { alarm, start } = await keepListing(popup, 'Reminder recital in chromium', 3);
    await expect.poll(() => reminderAlarms(popup)).toEqual({ [alarm]: start - HOUR });

    const options = await session.openOptions();
    const reminders = role('combobox', 'Reminders');
    await appears(options, reminders);
    await selectByLabel(options, reminders, '15 minutes before');
    await expect.poll(() => reminderAlarms(popup)).toEqual({ [alarm]: start - HOUR / 4 });
    await selectByLabel(options, reminders, 'Off');
    await expect.poll(() => reminderAlarms(popup)).toEqual({});
  });

  test('firefox: with notifications granted, a reminder already due is shown at once and recorded, so it is not shown again', async () => {
    const { session, popup } = await launchSignedIn('firefox');
    // Firefox grants the optional permission without a prompt here (harness.ts).
    const options = await session.openOptions();
    const reminders = role('combobox', 'Reminders');
    await appears(options, reminders);
    // By the keyboard, as a user would: the browser asks for a permission only in answer to user input.
    await options.focus(reminders);
    await options.keyboard.press('ArrowDown');
    expect(
      await options.$eval(reminders, (select) => (select as HTMLSelectElement).selectedOptions[0]?.label),
    ).toBe('1 day before');
    await expect
      .poll(() => options.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] })))
      .toBe(true);

    const { alarm } = await keepListing(popup, 'Reminder recital in firefox', 3);
    const shown = () => options.evaluate(async () => Object.keys(await browser.notifications.getAll()));
    await expect.poll(shown, { timeout: 10_000 }).toEqual([alarm]);
    // Nothing left to wake for: it was reminded of.
    expect(await reminderAlarms(options)).toEqual({});
    expect(
      await options.evaluate(
        async () => (await chrome.storage.local.get('reminded')).reminded as Record<string, string>,
      ),
    ).toHaveProperty([alarm.slice('reminder:'.length)]);
  });
});
