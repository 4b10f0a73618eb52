import { deleteDB } from 'idb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CACHE_NAME } from '@/lib/cache/db';
import type { Event } from '@/lib/event';
import { interestedItem, toggleInterested, writeInterested, type InterestedEvent } from '@/lib/interested';
import { interestedKey } from '@/lib/interested-key';
import {
  fireReminder,
  openReminder,
  planAndSetReminders,
  planReminders,
  reminderLead,
} from '@/lib/reminders';
import { grants } from '../../support/fake-permissions';
import { sampleEvent } from '../../support/events';

const NOW = Date.parse('2030-05-01T12:00:00Z');
const HOUR = 3_600_000;

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDB(CACHE_NAME);
});

const startingIn = (ms: number, overrides: Partial<Event> = {}) =>
  sampleEvent({
    start: {
      utc: new Date(NOW + ms).toISOString(),
      timezone: 'Europe/Berlin',
      known: 'time',
      zoneSource: 'event',
    },
    ...overrides,
  });
const item = (event: Event, changes: Partial<InterestedEvent> = {}) => ({
  ...interestedItem(event, NOW)!,
  ...changes,
});
const reminderAlarms = async () =>
  Object.fromEntries(
    (await fakeBrowser.alarms.getAll())
      .filter((alarm) => alarm.name.startsWith('reminder:'))
      .map((alarm) => [alarm.name, alarm.scheduledTime]),
  );
const created = () => vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('id' as never);

describe('planReminders', () => {
  test('an alarm the lead before each start; none for what has no time, does not take place, or was reminded', () => {
    const soon = startingIn(5 * HOUR);
    const dateOnly = sampleEvent({
      start: {
        utc: '2030-05-02T22:00:00Z',
        timezone: 'Europe/Berlin',
        known: 'date',
        date: '2030-05-03',
        zoneSource: 'venue',
      },
    });
    const items = [
      item(soon),
      item(dateOnly),
      item(startingIn(6 * HOUR, { status: 'cancelled' })),
      item(startingIn(6 * HOUR, { status: 'postponed' })),
      item(startingIn(6 * HOUR), { change: 'gone' }),
      item(startingIn(-HOUR)),
    ];
    const plan = planReminders(items, 60, {}, NOW);
    expect([...plan.alarms]).toEqual([[`reminder:${interestedKey(soon)}`, NOW + 4 * HOUR]]);
    expect(plan.due).toEqual([]);
    expect(planReminders(items, 1440, {}, NOW).due.map((due) => due.id)).toEqual([soon.id]);
    expect(planReminders(items, 'off', {}, NOW).alarms.size).toBe(0);
    // Reminded of this start already: nothing; of another start (the time moved): again.
    expect(planReminders([items[0]!], 60, { [interestedKey(soon)]: soon.start.utc }, NOW).alarms.size).toBe(
      0,
    );
    expect(
      planReminders([items[0]!], 60, { [interestedKey(soon)]: '2030-04-01T00:00:00.000Z' }, NOW).alarms.size,
    ).toBe(1);
  });
});

describe('reminders in the worker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    return () => vi.useRealTimers();
  });

  test('kept events get alarms; a moved start moves its alarm, a forgotten event or "Off" clears it', async () => {
    const [first, second] = [startingIn(5 * HOUR), startingIn(9 * HOUR)];
    await toggleInterested(first);
    await toggleInterested(second);
    await planAndSetReminders();
    expect(await reminderAlarms()).toEqual({
      [`reminder:${interestedKey(first)}`]: NOW + 4 * HOUR,
      [`reminder:${interestedKey(second)}`]: NOW + 8 * HOUR,
    });

    const moved = item(first, {
      start: { ...first.start, utc: new Date(NOW + 7 * HOUR).toISOString() },
      sequence: 1,
    });
    await writeInterested(new Map([[interestedKey(first), moved]]));
    await toggleInterested(second);
    await planAndSetReminders();
    expect(await reminderAlarms()).toEqual({ [`reminder:${interestedKey(first)}`]: NOW + 6 * HOUR });

    await reminderLead.setValue('off');
    await planAndSetReminders();
    expect(await reminderAlarms()).toEqual({});
  });

  test('the alarm shows one notification naming the event and its time, never twice', async () => {
    grants.permissions.add('notifications');
    const create = created();
    const event = startingIn(HOUR + 60_000, { title: 'Harbor lights' });
    await toggleInterested(event);
    await planAndSetReminders();
    const [alarm] = Object.keys(await reminderAlarms());
    await fireReminder(alarm!);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(
      alarm,
      expect.objectContaining({
        type: 'basic',
        title: 'Harbor lights',
        message: expect.stringMatching(/^Starts .+ · Harbor Hall, 1 Market St, Berlin$/) as unknown,
      }),
    );

    // A worker restart, the browser's start-up, the alarm again, another browser rewriting the item: nothing.
    await planAndSetReminders();
    await fireReminder(alarm!);
    await writeInterested(new Map([[interestedKey(event), item(event, { keptAt: NOW + 5 })]]));
    await planAndSetReminders();
    expect(create).toHaveBeenCalledTimes(1);
    expect(await reminderAlarms()).toEqual({});
  });

  test('a reminder whose time passed while the event is still to come fires at once, once', async () => {
    grants.permissions.add('notifications');
    const create = created();
    await toggleInterested(startingIn(30 * 60_000));
    await Promise.all([planAndSetReminders(), planAndSetReminders()]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  test('without the permission nothing is shown, and granting it later does not bring back an old reminder', async () => {
    const create = created();
    await toggleInterested(startingIn(30 * 60_000));
    await planAndSetReminders();
    grants.permissions.add('notifications');
    await planAndSetReminders();
    expect(create).not.toHaveBeenCalled();
  });

  test('clicking the notification opens the event page', async () => {
    const event = startingIn(5 * HOUR, { url: 'https://example.test/e/1' });
    await toggleInterested(event);
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser.notifications, 'clear').mockResolvedValue(undefined);
    await openReminder(`reminder:${interestedKey(event)}`);
    expect(open).toHaveBeenCalledWith({ url: 'https://example.test/e/1' });
  });
});
