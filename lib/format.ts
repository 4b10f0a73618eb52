import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Event } from './event';

/** Dates and numbers in the language the extension's words are in, not the page's. */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

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

/** A day and time on the clock of `timeZone`, or the time alone. */
export const zonedFormat = (timeZone: string, withDate: boolean): Intl.DateTimeFormat =>
  cached(
    `show|${timeZone}|${withDate}`,
    () =>
      new Intl.DateTimeFormat(uiLanguage(), {
        timeZone,
        ...(withDate ? { weekday: 'short', month: 'short', day: 'numeric' } : {}),
        hour: 'numeric',
        minute: '2-digit',
      }),
  );
/** The calendar day of `instant` on the clock of `timeZone` (2030-01-04), for comparing days. */
export const dayOf = (instant: Date, timeZone: string): string =>
  cached(`day|${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' })).format(
    instant,
  );

/**
 * "Paris time": the venue's city where the provider gives one, else the zone's own city. Intl's names
 * would not do: it calls Paris's and Berlin's zone "Central European Time" alike.
 */
export function zoneLabel(timeZone: string, city?: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const place = city?.trim() || (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
  return i18n.t('results.zoneTime', { place });
}

export interface EventWhen {
  /** In the event's own zone (the user's, for online events); the date alone when that is all there is. */
  text: string;
  /** Which clock `text` reads; absent when it shows no time. */
  zone?: string;
  /** The same moment on the user's clock, where that reads differently. */
  yours?: string;
  /** What is not known yet: "Time to be announced". */
  pending?: string;
}

const localDateFormat = () =>
  cached(
    'date',
    () =>
      new Intl.DateTimeFormat(uiLanguage(), {
        timeZone: 'UTC',
        weekday: 'short',
        month: 'short',
        day: 'numeric',
      }),
  );

export function eventWhen(event: Pick<Event, 'start' | 'online' | 'venue'>, userZone: string): EventWhen {
  const { start } = event;
  if (start.known === 'none') return { text: i18n.t('results.dateTba') };
  // A calendar date, never turned into an instant: no invented time, no shift into another zone.
  if (start.known === 'date' && start.date)
    return { text: localDateFormat().format(new Date(start.date)), pending: i18n.t('results.timeTba') };
  const instant = new Date(start.utc);
  if (event.online)
    return { text: zonedFormat(userZone, true).format(instant), zone: i18n.t('results.yourTime') };
  const eventZone = start.timezone;
  const text = zonedFormat(eventZone, true).format(instant);
  const zone =
    start.zoneSource === 'none' ? i18n.t('results.zoneNotGiven') : zoneLabel(eventZone, event.venue?.city);
  // Same clock (Paris seen from Berlin): the event's own zone is label enough.
  if (zonedFormat(userZone, true).format(instant) === text) return { text, zone };
  const sameDay = dayOf(instant, eventZone) === dayOf(instant, userZone);
  return {
    text,
    zone,
    yours: i18n.t('results.atYourTime', { time: zonedFormat(userZone, !sameDay).format(instant) }),
  };
}

// Intl's words, in the UI language and with its plurals ("5 min. ago", "vor 3 Tagen"), made once.
let relative: Intl.RelativeTimeFormat | undefined;

/** How long ago, in the largest whole unit (minutes under an hour, hours under a day, then days); undefined under a minute. */
function ago(at: number, now: number): string | undefined {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return undefined;
  const hours = Math.floor(minutes / 60);
  const [count, unit] =
    minutes < 60
      ? [minutes, 'minute' as const]
      : hours < 24
        ? [hours, 'hour' as const]
        : [Math.floor(hours / 24), 'day' as const];
  relative ??= new Intl.RelativeTimeFormat(uiLanguage(), { style: 'short' });
  return relative.format(-count, unit);
}

/** "Updated 5 min. ago": how old results on screen are. */
export function updatedAgo(fetchedAt: number, now = Date.now()): string {
  const when = ago(fetchedAt, now);
  return when ? i18n.t('updated.ago', { when }) : i18n.t('updated.justNow');
}

/** "5 min. ago": when something happened, to go in a sentence of its own. */
export const timeAgo = (at: number, now = Date.now()): string => ago(at, now) ?? i18n.t('lastSync.justNow');

/** "a and b": a list in the UI language. */
export const listFormat = (): Intl.ListFormat => new Intl.ListFormat(uiLanguage(), { type: 'conjunction' });
