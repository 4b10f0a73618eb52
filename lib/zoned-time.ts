/** Wall clocks in IANA time zones, through Intl: what the providers' local times and the date filters need. */

/** The user's time zone: the system's, as every page and the worker see it. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date parts of an instant in a zone. */
export function wallClock(instant: Date, timeZone: string) {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: +parts.year!,
    month: +parts.month!,
    day: +parts.day!,
    hour: +parts.hour!,
    minute: +parts.minute!,
    second: +parts.second!,
    weekday: parts.weekday!,
  };
}

/**
 * The instant a zone's clock reads 00:00 on a calendar day (month from 1; an overflowing day rolls
 * over), DST-safe to the minute.
 */
export function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const target = Date.UTC(year, month - 1, day);
  let guess = target;
  for (let pass = 0; pass < 2; pass++) {
    const shown = wallClock(new Date(guess), timeZone);
    guess +=
      target - Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
  }
  return new Date(guess);
}

// Checking a zone builds an Intl.DateTimeFormat (about 0.1 ms): each valid one is checked once. Only
// valid zones are kept, so the set is bounded by the IANA list whatever a server sends.
const knownZones = new Set<string>();

/** The zone if Intl knows it, else null. */
export function validTimeZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || !zone.trim()) return null;
  const name = zone.trim();
  if (knownZones.has(name)) return name;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return null;
  }
  knownZones.add(name);
  return name;
}
