import { browser } from 'wxt/browser';
import { listInterested, type InterestedEvent } from './interested';
import { interestedKey } from './interested-key';
import { safeHttpUrl } from './event';
import { isRecord } from './shape';
import { defineStoredItem } from './stored-item';
import { reminderNotification } from './words';

/**
 * A reminder before each Interested event: an alarm at its start less the lead the user chose, and a
 * notification when the optional permission is granted. Alarms are not durable (Chrome may clear them on
 * an update or restart; Firefox's do not survive one), so they are planned again from storage whenever
 * something could have changed: install, update, start-up, worker start, a change of storage.sync.
 */

/** Minutes before the start; off, 15 minutes, 1 hour, 1 day. */
export const REMINDER_LEADS = ['off', 15, 60, 1440] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number];

/** storage.sync's key of the lead (the worker plans again when it changes). */
export const REMINDER_LEAD_KEY = 'reminderLead';
export const reminderLead = defineStoredItem<ReminderLead>(`sync:${REMINDER_LEAD_KEY}`, {
  // The user's setting
  clearOn: 'never',
  fallback: 60,
  version: 1,
  parse: (raw) => ((REMINDER_LEADS as readonly unknown[]).includes(raw) ? (raw as ReminderLead) : undefined),
});

/**
 * The start each event was reminded of, in this browser, by storage key: never twice for one start,
 * whatever restarts or rewrites happen; a moved start is a new one. This browser's own bookkeeping.
 */
const reminded = defineStoredItem<Record<string, string>>('local:reminded', {
  clearOn: 'never',
  fallback: {},
  version: 1,
  parse: (raw) =>
    isRecord(raw) && Object.values(raw).every((value) => typeof value === 'string')
      ? (raw as Record<string, string>)
      : undefined,
});

const ALARM_PREFIX = 'reminder:';
export const isReminderAlarm = (name: string): boolean => name.startsWith(ALARM_PREFIX);
const alarmName = (item: InterestedEvent) => `${ALARM_PREFIX}${interestedKey(item)}`;
const keyOfAlarm = (name: string) => name.slice(ALARM_PREFIX.length);

/** Whether `item` is owed a reminder at all: a known time, still to come, taking place, not reminded of. */
function owesReminder(item: InterestedEvent, done: Record<string, string>, now: number): boolean {
  return (
    item.start.known === 'time' &&
    Date.parse(item.start.utc) > now &&
    (item.status === 'scheduled' || item.status === 'rescheduled') &&
    item.change !== 'cancelled' &&
    item.change !== 'gone' &&
    done[interestedKey(item)] !== item.start.utc
  );
}

export interface ReminderPlan {
  /** Alarms by name, each at its instant. */
  alarms: Map<string, number>;
  /** Owed already (its time passed while the browser was closed, or the event was kept late): now. */
  due: InterestedEvent[];
}

/** What reminders the kept events are owed, at `now`, with `lead`. */
export function planReminders(
  items: readonly InterestedEvent[],
  lead: ReminderLead,
  done: Record<string, string>,
  now: number,
): ReminderPlan {
  const plan: ReminderPlan = { alarms: new Map(), due: [] };
  if (lead === 'off') return plan;
  for (const item of items.filter((item) => owesReminder(item, done, now))) {
    const at = Date.parse(item.start.utc) - lead * 60_000;
    if (at <= now) plan.due.push(item);
    else plan.alarms.set(alarmName(item), at);
  }
  return plan;
}

// One planning or firing at a time, across the worker's events (an alarm and a storage change at once).
const REMINDER_LOCK = 'event-scout:reminders';

/**
 * Sets the alarms to what storage says is owed (clearing those no longer owed or moved), fires those due,
 * and forgets the bookkeeping of events no longer kept.
 */
export async function planAndSetReminders(now = Date.now()): Promise<void> {
  await navigator.locks.request(REMINDER_LOCK, async () => {
    const [items, lead, done] = await Promise.all([
      listInterested(),
      reminderLead.getValue(),
      reminded.getValue(),
    ]);
    const plan = planReminders(items, lead, done, now);
    const existing = (await browser.alarms.getAll()).filter((alarm) => isReminderAlarm(alarm.name));
    for (const alarm of existing)
      if (plan.alarms.get(alarm.name) !== alarm.scheduledTime) await browser.alarms.clear(alarm.name);
    const set = new Map(existing.map((alarm) => [alarm.name, alarm.scheduledTime]));
    for (const [name, when] of plan.alarms)
      if (set.get(name) !== when) await browser.alarms.create(name, { when });
    const keys = new Set(items.map(interestedKey));
    const kept = Object.fromEntries(Object.entries(done).filter(([key]) => keys.has(key)));
    await remindNow(plan.due, kept);
  });
}

/** The alarm of one event went off: remind, if it is still owed (storage has the last word). */
export async function fireReminder(alarm: string, now = Date.now()): Promise<void> {
  await navigator.locks.request(REMINDER_LOCK, async () => {
    const key = keyOfAlarm(alarm);
    const [items, lead, done] = await Promise.all([
      listInterested(),
      reminderLead.getValue(),
      reminded.getValue(),
    ]);
    const item = items.find((candidate) => interestedKey(candidate) === key);
    const owed = item && lead !== 'off' && owesReminder(item, done, now) ? [item] : [];
    await remindNow(owed, done);
  });
}

/** Records each reminder before showing it, so a worker stopped in between never shows it twice. */
async function remindNow(items: InterestedEvent[], done: Record<string, string>): Promise<void> {
  const next = { ...done, ...Object.fromEntries(items.map((item) => [interestedKey(item), item.start.utc])) };
  if (JSON.stringify(next) !== JSON.stringify(await reminded.getValue())) await reminded.setValue(next);
  if (!items.length || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  for (const item of items)
    await browser.notifications.create(alarmName(item), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...reminderNotification(item),
    });
}

/** A reminder's notification (named as its alarm), clicked: the event's page, as the item has it now. */
export async function openReminder(notification: string): Promise<void> {
  const key = keyOfAlarm(notification);
  const item = (await listInterested()).find((candidate) => interestedKey(candidate) === key);
  const url = safeHttpUrl(item?.url);
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(notification);
}
