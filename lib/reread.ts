import { browser } from 'wxt/browser';
import { keepFullEvent } from './cache/kept-events';
import { connect, connectedProviders } from './connections';
import type { Event } from './event';
import { endedAt, interestedItem, listInterested, writeInterested, type InterestedEvent } from './interested';
import { interestedKey } from './interested-key';
import type { ProviderId } from './provider-id';
import { withCredential } from './search';
import { bookAttempt } from './sync';

/**
 * Interested events are read again by id once a day, so a moved time moves the reminder and a cancelled
 * or vanished event says so. Each request is booked in the provider's background budget (lib/sync-budget.ts),
 * as a sync's are; storage.sync is written only when something changed, in one write.
 */
export const REREAD_ALARM = 'interested-reread';
const DAY_MINUTES = 24 * 60;

export async function ensureRereadAlarm(): Promise<void> {
  if (!(await browser.alarms.get(REREAD_ALARM)))
    await browser.alarms.create(REREAD_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
}

/** What a provider said of an event: it afresh, that it lists it no more, or nothing (not connected). */
export type Reread = { found: Event } | { gone: true } | { disconnected: true };

const sameStart = (a: InterestedEvent['start'], b: InterestedEvent['start']) =>
  a.known === b.known && a.utc === b.utc && a.date === b.date;

/**
 * The item after a re-read. A moved start raises the SEQUENCE and says "Time changed" (until the user
 * forgets the event: the change is theirs to see); cancelled says so; a listing gone or a provider no
 * longer connected says so, and the item keeps what it knew.
 */
export function afterReread(item: InterestedEvent, reread: Reread): InterestedEvent {
  if ('disconnected' in reread) return { ...item, change: 'disconnected' };
  if ('gone' in reread) return { ...item, change: 'gone' };
  const { found } = reread;
  const moved = !sameStart(found.start, item.start);
  const change =
    found.status === 'cancelled'
      ? 'cancelled'
      : moved || item.change === 'time-changed'
        ? 'time-changed'
        : undefined;
  const next = interestedItem(found, item.keptAt, { ...item, sequence: item.sequence + (moved ? 1 : 0) });
  if (!next) return item;
  const { change: _previous, ...rest } = next;
  return change ? { ...rest, change } : rest;
}

/** Reads every Interested event still to come again from its provider; returns how many changed. */
export async function rereadInterested(now = Date.now()): Promise<number> {
  const items = (await listInterested()).filter((item) => endedAt(item) > now);
  const connected = new Set(await connectedProviders());
  const paused = new Set<ProviderId>();
  const changed = new Map<string, InterestedEvent>();
  for (const item of items) {
    let reread: Reread;
    if (!connected.has(item.provider)) reread = { disconnected: true };
    else if (paused.has(item.provider)) continue;
    else {
      try {
        const connection = await connect(item.provider);
        const found = await withCredential(connection, (credential) =>
          connection.provider.eventById(item.id, credential, {
            beforeAttempt: () => bookAttempt(item.provider),
          }),
        );
        reread = found ? { found } : { gone: true };
        if (found) await keepFullEvent(found);
      } catch (error) {
        // Out of budget, offline, the provider failing: the item stays as it is, and the next day asks again.
        console.warn('Event Scout: re-reading', interestedKey(item), error);
        paused.add(item.provider);
        continue;
      }
    }
    const next = afterReread(item, reread);
    if (JSON.stringify(next) !== JSON.stringify(item)) changed.set(interestedKey(item), next);
  }
  if (changed.size) await writeInterested(changed);
  return changed.size;
}
