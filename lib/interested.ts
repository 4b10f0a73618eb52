import { browser } from 'wxt/browser';
import {
  EVENT_STATUSES,
  safeHttpUrl,
  venueLine,
  type Event,
  type EventStart,
  type EventStatus,
  type EventTime,
} from './event';
import { INTERESTED_PREFIX, interestedKey, isInterestedKey } from './interested-key';
import { forgetFullEvent, keepFullEvent } from './cache/kept-events';
import { isEventStart, isEventTime, parseStoredEvent } from './cache/records';
import { ProblemError } from './problem';
import { isProviderId, type ProviderId } from './provider-id';
import { isFiniteNumber, isOneOf, isRecord } from './shape';
import { declareStoredFamily } from './stored-item';
import { checkSyncRoom, explainSyncError, syncItemBytes } from './sync-storage';

/**
 * "Interested" events: the user's own list, one small storage.sync item each, so it follows them to every
 * browser and "My events" shows it offline before (or without) the full event, which IndexedDB keeps
 * (lib/cache/kept-events.ts). Each item is a plain record with its version inside, not a WXT item:
 * WXT keeps a second item beside each for its version, and storage.sync counts items (512).
 */
export interface InterestedEvent {
  v: 1;
  provider: ProviderId;
  id: string;
  title: string;
  start: EventStart;
  end: EventTime | null;
  /** The venue and its address ("" when not given); an online event has none. */
  place: string;
  online: boolean;
  url: string | null;
  status: EventStatus;
  keptAt: number;
  /** Raised each time a re-read found its start moved: a calendar then updates the event (.ics SEQUENCE). */
  sequence: number;
  /** What the last re-read found, when it is not simply as kept. */
  change?: InterestedChange;
}

/** What a daily re-read can find: a moved start, a cancellation, a listing gone, or no one left to ask. */
export const INTERESTED_CHANGES = ['time-changed', 'cancelled', 'gone', 'disconnected'] as const;
export type InterestedChange = (typeof INTERESTED_CHANGES)[number];

export const MAX_INTERESTED = 100;
/**
 * Each item's bytes at most: 100 of them (60 KB) leave storage.sync's 100 KB room for 50 saved searches
 * and the settings. A longer title is cut and, past that, the place and the page are left to IndexedDB.
 */
export const INTERESTED_ITEM_BYTES = 600;
const TITLE_CAP = 120;

// The user's own: a sign-out or disconnect keeps them (lib/stored-item.ts).
declareStoredFamily(`sync:${INTERESTED_PREFIX}`, 'never');

const cut = (text: string, length: number) => {
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
};

/**
 * The item for `event`, within INTERESTED_ITEM_BYTES, or null when even its bare identity does not fit (an
 * id hundreds of bytes long). What an earlier item of it knew (when kept, how often moved) carries on.
 */
export function interestedItem(
  event: Event,
  keptAt: number,
  earlier?: Pick<InterestedEvent, 'keptAt' | 'sequence' | 'change'>,
): InterestedEvent | null {
  const full: InterestedEvent = {
    v: 1,
    provider: event.provider,
    id: event.id,
    title: cut(event.title, TITLE_CAP),
    start: event.start,
    end: event.end,
    place: event.venue ? venueLine(event.venue) : '',
    online: event.online,
    url: event.url,
    status: event.status,
    keptAt: earlier?.keptAt ?? keptAt,
    sequence: earlier?.sequence ?? 0,
    ...(earlier?.change && { change: earlier.change }),
  };
  const key = interestedKey(event);
  const smaller = [
    full,
    { ...full, place: cut(full.place, 80) },
    { ...full, place: cut(full.place, 80), url: null },
    { ...full, place: '', url: null, title: cut(full.title, 40) },
  ];
  return smaller.find((item) => syncItemBytes(key, item) <= INTERESTED_ITEM_BYTES) ?? null;
}

/** An item as read from storage.sync (any browser's, any version's): this version's shape, or null. */
export function parseInterested(value: unknown): InterestedEvent | null {
  if (!isRecord(value) || value.v !== 1) return null;
  const item = value as Partial<InterestedEvent>;
  if (
    !isProviderId(item.provider) ||
    typeof item.id !== 'string' ||
    typeof item.title !== 'string' ||
    !isEventStart(item.start) ||
    !(item.end === null || isEventTime(item.end)) ||
    typeof item.place !== 'string' ||
    typeof item.online !== 'boolean' ||
    // Another browser's storage.sync is outside data too: only an http(s) page is ever opened.
    !(item.url === null || safeHttpUrl(item.url) === item.url) ||
    !isOneOf(EVENT_STATUSES, item.status) ||
    !isFiniteNumber(item.keptAt) ||
    !isFiniteNumber(item.sequence)
  )
    return null;
  if (item.change !== undefined && !isOneOf(INTERESTED_CHANGES, item.change)) return null;
  return item as InterestedEvent;
}

/** Every Interested event, soonest first; records that are not ours are skipped, never deleted. */
export async function listInterested(): Promise<InterestedEvent[]> {
  const all = await browser.storage.sync.get(null);
  return Object.entries(all)
    .filter(([key]) => isInterestedKey(key))
    .map(([, value]) => parseInterested(value))
    .filter((item): item is InterestedEvent => item !== null)
    .sort((a, b) => a.start.utc.localeCompare(b.start.utc));
}

/**
 * Writes these items (null removes one) in one storage.sync call, so a day's re-read of a hundred
 * events is one write, not a hundred (120 a minute, 1,800 an hour).
 */
export async function writeInterested(items: ReadonlyMap<string, InterestedEvent | null>): Promise<void> {
  const set = Object.fromEntries([...items].filter(([, item]) => item !== null));
  const removed = [...items].filter(([, item]) => item === null).map(([key]) => key);
  try {
    if (Object.keys(set).length) {
      await checkSyncRoom(set);
      await browser.storage.sync.set(set);
    }
    if (removed.length) await browser.storage.sync.remove(removed);
  } catch (error) {
    throw error instanceof ProblemError ? error : explainSyncError(error);
  }
}

/**
 * Keeps `event` as Interested; refused with a clear problem past MAX_INTERESTED or storage.sync's room,
 * with nothing written.
 */
export async function keepInterested(event: Event, now = Date.now()): Promise<InterestedEvent> {
  const kept = await listInterested();
  const key = interestedKey(event);
  const earlier = kept.find((item) => interestedKey(item) === key);
  if (!earlier && kept.length >= MAX_INTERESTED)
    throw new ProblemError('interested-too-many', { params: { max: MAX_INTERESTED } });
  const item = interestedItem(event, now, earlier);
  if (!item) throw new ProblemError('interested-too-long');
  await writeInterested(new Map([[key, item]]));
  return item;
}

/**
 * "Interested", pressed: kept (the small item, then the full event) or, if it was, forgotten. `event` comes
 * from a page, so it is read as any stored event is, and refused if it is none.
 */
export async function toggleInterested(input: unknown): Promise<InterestedEvent | null> {
  const event = parseStoredEvent(input);
  if (!event) throw new ProblemError('failed', { detail: 'not an event' });
  const key = interestedKey(event);
  if ((await browser.storage.sync.get(key))[key] !== undefined) {
    await writeInterested(new Map([[key, null]]));
    await forgetFullEvent(event.provider, event.id);
    return null;
  }
  const item = await keepInterested(event);
  await keepFullEvent(event);
  return item;
}

/**
 * The event an item stands for: the full one IndexedDB kept, with the item's word on time and status (a
 * re-read keeps the item current), or the item alone, in another browser before the full event is read.
 */
export function interestedEvent(item: InterestedEvent, full?: Event): Event {
  const current = { title: item.title, start: item.start, end: item.end, status: item.status, url: item.url };
  if (full) return { ...full, ...current, title: full.title, url: full.url ?? item.url };
  return {
    provider: item.provider,
    id: item.id,
    summary: '',
    venue: item.place ? { name: item.place, city: '', address: '', coordinates: null } : null,
    online: item.online,
    free: null,
    price: null,
    imageUrl: null,
    ...current,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an ended event stays in "My events" (folded away with the past ones) before it is forgotten. */
export const FORGET_AFTER_MS = 30 * DAY_MS;

/**
 * When an event is over: its end, else a day after its start (a date-only event's start is its day's
 * first moment, so that is its whole day), or never for one whose date is to be announced.
 */
export function endedAt(item: Pick<InterestedEvent, 'start' | 'end'>): number {
  if (item.start.known === 'none') return Number.POSITIVE_INFINITY;
  const end = item.end ? Date.parse(item.end.utc) : Number.NaN;
  if (Number.isFinite(end)) return end;
  return Date.parse(item.start.utc) + DAY_MS;
}

/** Forgets, in one write, every Interested event that ended FORGET_AFTER_MS ago or more; the full ones too. */
export async function forgetLongEnded(now = Date.now()): Promise<number> {
  const gone = (await listInterested()).filter((item) => endedAt(item) + FORGET_AFTER_MS <= now);
  if (!gone.length) return 0;
  await writeInterested(new Map(gone.map((item) => [interestedKey(item), null])));
  for (const item of gone) await forgetFullEvent(item.provider, item.id);
  return gone.length;
}
