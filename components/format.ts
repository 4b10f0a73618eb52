import type { Event } from '@/lib/event';

/** "Europe/Berlin" → "Berlin time": a label a person reads at a glance. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return `${(timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')} time`;
}

/** Making an Intl.DateTimeFormat costs far more than using one: one per zone and purpose, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = make();
    formats.set(key, formatter);
  }
  return formatter;
}

const format = (timeZone: string, withDate: boolean) =>
  cached(
    `show|${timeZone}|${withDate}`,
    () =>
      new Intl.DateTimeFormat(undefined, {
        timeZone,
        ...(withDate ? { weekday: 'short', month: 'short', day: 'numeric' } : {}),
        hour: 'numeric',
        minute: '2-digit',
      }),
  );
const dayOf = (instant: Date, timeZone: string) =>
  cached(`day|${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' })).format(
    instant,
  );
const offsetOf = (instant: Date, timeZone: string) =>
  cached(
    `offset|${timeZone}`,
    () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }),
  )
    .format(instant)
    .split(' ')
    .pop();

export interface EventWhen {
  /** In the event's own zone (the user's, for online events). */
  text: string;
  zone: string;
  /** The same moment on the user's clock, where that reads differently. */
  yours?: string;
}

export function eventWhen(event: Pick<Event, 'start' | 'online'>, userZone: string): EventWhen {
  const instant = new Date(event.start.utc);
  if (event.online || offsetOf(instant, event.start.timezone) === offsetOf(instant, userZone)) {
    const zone = event.online || event.start.timezone !== userZone ? userZone : event.start.timezone;
    return { text: format(zone, true).format(instant), zone: event.online ? 'your time' : zoneLabel(zone) };
  }
  const sameDay = dayOf(instant, event.start.timezone) === dayOf(instant, userZone);
  return {
    text: format(event.start.timezone, true).format(instant),
    zone: zoneLabel(event.start.timezone),
    yours: `${format(userZone, !sameDay).format(instant)} your time`,
  };
}

/** "Updated 5 min ago". */
export function updatedAgo(fetchedAt: number, now = Date.now()): string {
  const minutes = Math.floor((now - fetchedAt) / 60_000);
  if (minutes < 1) return 'Updated just now';
  if (minutes < 60) return `Updated ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Updated ${hours} h ago`;
  return `Updated ${Math.floor(hours / 24)} d ago`;
}
