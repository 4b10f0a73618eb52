import { deleteDB } from 'idb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CACHE_NAME, clearAccountCache, clearSearchCache } from '@/lib/cache/db';
import { readKeptEvents } from '@/lib/cache/kept-events';
import {
  endedAt,
  FORGET_AFTER_MS,
  forgetLongEnded,
  interestedEvent,
  INTERESTED_ITEM_BYTES,
  MAX_INTERESTED,
  interestedItem,
  keepInterested,
  listInterested,
  parseInterested,
  toggleInterested,
  writeInterested,
} from '@/lib/interested';
import { interestedKey } from '@/lib/interested-key';
import { normalizeQuery } from '@/lib/query';
import { saveSearch, MAX_NAME_LENGTH, MAX_SAVED_SEARCHES, renameSavedSearch } from '@/lib/saved-searches';
import { clearItemsOn, declarationOf } from '@/lib/stored-item';
import { SYNC_QUOTA, syncItemBytes } from '@/lib/sync-storage';
import { sampleEvent } from '../../support/events';

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDB(CACHE_NAME);
});

const syncKeys = async () => Object.keys(await fakeBrowser.storage.sync.get(null));

describe('Interested events', () => {
  test('"Interested" keeps a small item in storage.sync and the full event in IndexedDB; pressed again, both go', async () => {
    const event = sampleEvent({ title: 'Harbor lights', summary: 'A long summary. '.repeat(50) });
    const item = await toggleInterested(event);
    expect(item).toMatchObject({ provider: 'demo', id: event.id, title: 'Harbor lights', sequence: 0 });
    expect(await syncKeys()).toEqual([interestedKey(event)]);
    // The item carries what "My events" shows; the summary stays in IndexedDB.
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('A long summary');
    expect((await readKeptEvents()).get(`demo:${event.id}`)).toEqual(event);

    expect(await toggleInterested(event)).toBeNull();
    expect(await syncKeys()).toEqual([]);
    expect((await readKeptEvents()).size).toBe(0);
  });

  test('what a page sends is read as an event, and refused if it is none', async () => {
    await expect(toggleInterested({ provider: 'demo', id: 'x' })).rejects.toMatchObject({ code: 'failed' });
    expect(await syncKeys()).toEqual([]);
  });

  test(`each item stays within ${INTERESTED_ITEM_BYTES} bytes: a long title is cut, then the place and page left to IndexedDB`, () => {
    const long = sampleEvent({
      title: 'Größe 🎻 '.repeat(100),
      url: `https://example.test/${'p'.repeat(700)}`,
      venue: { name: 'Hall '.repeat(100), city: 'Berlin', address: 'Street '.repeat(100), coordinates: null },
    });
    const item = interestedItem(long, 1)!;
    expect(syncItemBytes(interestedKey(long), item)).toBeLessThanOrEqual(INTERESTED_ITEM_BYTES);
    expect(item.title.startsWith('Größe 🎻')).toBe(true);
    expect(item.title.endsWith('…')).toBe(true);
    expect(item).toMatchObject({ provider: 'demo', id: long.id, start: long.start, url: null });
    // An ordinary event loses nothing.
    const ordinary = sampleEvent();
    expect(interestedItem(ordinary, 1)).toMatchObject({
      title: ordinary.title,
      url: ordinary.url,
      place: 'Harbor Hall, 1 Market St, Berlin',
    });
  });

  test('an event whose id alone passes the cap is refused plainly, and nothing is written', async () => {
    await expect(keepInterested(sampleEvent({ id: 'x'.repeat(700) }))).rejects.toMatchObject({
      code: 'interested-too-long',
    });
    expect(await syncKeys()).toEqual([]);
  });

  test(`at most ${MAX_INTERESTED}: one more is refused with the limit, while one already kept can be kept again`, async () => {
    const events = Array.from({ length: MAX_INTERESTED }, () => sampleEvent());
    await writeInterested(new Map(events.map((event) => [interestedKey(event), interestedItem(event, 1)])));
    await expect(toggleInterested(sampleEvent())).rejects.toMatchObject({
      code: 'interested-too-many',
      params: { max: MAX_INTERESTED },
    });
    expect(await listInterested()).toHaveLength(MAX_INTERESTED);
    expect((await readKeptEvents()).size).toBe(0);
    await expect(keepInterested({ ...events[0]!, title: 'Renamed' }, 5)).resolves.toMatchObject({
      title: 'Renamed',
      keptAt: 1,
    });
  });

  test(`${MAX_INTERESTED} of the largest fit beside ${MAX_SAVED_SEARCHES} named saved searches`, async () => {
    // Saved searches as people write them: a few words, a city, a name. At their own limits (200
    // characters of CJK each) they alone could fill storage.sync; a write past its room is then refused
    // plainly (below).
    for (let index = 0; index < MAX_SAVED_SEARCHES; index++) {
      const saved = await saveSearch(
        normalizeQuery({
          text: `jazz and soul night number ${index}`,
          place: 'Frankfurt am Main',
          freeOnly: true,
        }),
        index,
      );
      await renameSavedSearch(
        saved.id,
        `Weekend jazz in Frankfurt, list ${index}`.padEnd(MAX_NAME_LENGTH / 2, '.'),
      );
    }
    const biggest = () => sampleEvent({ title: '🎻'.repeat(500), id: `${'9'.repeat(20)}${Math.random()}` });
    for (let index = 0; index < MAX_INTERESTED; index++) await keepInterested(biggest(), index);
    const stored = await fakeBrowser.storage.sync.get(null);
    const bytes = Object.entries(stored).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
    expect(bytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(Object.keys(stored).length).toBeLessThanOrEqual(SYNC_QUOTA.items);
    expect(await listInterested()).toHaveLength(MAX_INTERESTED);
  });

  test('a full storage.sync is said plainly, and neither store is written', async () => {
    await fakeBrowser.storage.sync.set({ other: 'x'.repeat(SYNC_QUOTA.bytes - 300) });
    await expect(toggleInterested(sampleEvent())).rejects.toMatchObject({ code: 'sync-storage-full' });
    expect(await listInterested()).toEqual([]);
    expect((await readKeptEvents()).size).toBe(0);
  });

  test('many changes are one write', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const events = Array.from({ length: 30 }, () => sampleEvent());
    await writeInterested(new Map(events.map((event) => [interestedKey(event), interestedItem(event, 1)])));
    expect(set).toHaveBeenCalledTimes(1);
  });

  test("they are the user's own: never cleared, and a sign-out or 'Clear cache' leaves the full events", async () => {
    const event = sampleEvent();
    expect(declarationOf('sync', interestedKey(event))).toMatchObject({ clearOn: 'never' });
    await toggleInterested(event);
    await clearItemsOn('session-end', 'demo');
    await clearItemsOn('key-removed');
    expect(await syncKeys()).toEqual([interestedKey(event)]);
    await clearAccountCache('demo');
    await clearSearchCache();
    expect((await readKeptEvents()).has(`demo:${event.id}`)).toBe(true);
  });

  test('items from another browser or version that do not read are skipped, never deleted', async () => {
    const good = interestedItem(sampleEvent(), 1)!;
    await fakeBrowser.storage.sync.set({
      [interestedKey(good)]: good,
      'interested:demo:bad1': { ...good, v: 2 },
      'interested:demo:bad2': { ...good, start: { utc: 'soon' } },
      'interested:demo:bad3': 'text',
      'interested:demo:bad4': { ...good, change: 'exploded' },
    });
    expect((await listInterested()).map((item) => item.id)).toEqual([good.id]);
    expect(await syncKeys()).toHaveLength(5);
    expect(parseInterested(good)).toEqual(good);
  });
});

describe('My events: what is past, and what is forgotten', () => {
  const at = (iso: string) => Date.parse(iso);
  const startingAt = (utc: string, end: string | null = null) =>
    sampleEvent({
      start: { utc, timezone: 'Europe/Berlin', known: 'time', zoneSource: 'event' },
      end: end ? { utc: end, timezone: 'Europe/Berlin' } : null,
    });

  test('an event ends at its end, else a day after its start; one whose date is to be announced never', () => {
    expect(endedAt(startingAt('2030-05-01T18:00:00Z', '2030-05-03T10:00:00Z'))).toBe(
      at('2030-05-03T10:00:00Z'),
    );
    expect(endedAt(startingAt('2030-05-01T18:00:00Z'))).toBe(at('2030-05-02T18:00:00Z'));
    const tba = sampleEvent({
      start: { utc: '9999-12-31T00:00:00.000Z', timezone: 'UTC', known: 'none', zoneSource: 'none' },
    });
    expect(endedAt(tba)).toBe(Number.POSITIVE_INFINITY);
  });

  test(`an event is forgotten ${FORGET_AFTER_MS / 86_400_000} days after it ended, with its full event, in one write`, async () => {
    const ended = startingAt('2030-05-01T18:00:00Z', '2030-05-01T20:00:00Z');
    const recent = startingAt('2030-05-20T18:00:00Z', '2030-05-20T20:00:00Z');
    const tba = sampleEvent({
      start: { utc: '9999-12-31T00:00:00.000Z', timezone: 'UTC', known: 'none', zoneSource: 'none' },
    });
    for (const event of [ended, recent, tba]) await toggleInterested(event);
    const remove = vi.spyOn(fakeBrowser.storage.sync, 'remove');
    expect(await forgetLongEnded(at('2030-05-31T19:59:59Z'))).toBe(0);
    expect(await forgetLongEnded(at('2030-05-31T20:00:00Z'))).toBe(1);
    expect(remove).toHaveBeenCalledTimes(1);
    expect((await listInterested()).map((item) => item.id)).toEqual([recent.id, tba.id]);
    expect([...(await readKeptEvents()).keys()].sort()).toEqual(
      [`demo:${recent.id}`, `demo:${tba.id}`].sort(),
    );
  });

  test('an item shows as its full event where IndexedDB has it, with the item current on time and status', () => {
    const full = sampleEvent({ summary: 'All the details' });
    const item = {
      ...interestedItem(full, 1)!,
      status: 'cancelled' as const,
      start: { ...full.start, utc: '2031-01-01T00:00:00.000Z' },
    };
    expect(interestedEvent(item, full)).toEqual({ ...full, status: 'cancelled', start: item.start });
    // Another browser, before the full event is read: what the item holds, and nothing invented.
    expect(interestedEvent(item)).toMatchObject({
      title: full.title,
      summary: '',
      venue: { name: 'Harbor Hall, 1 Market St, Berlin' },
      free: null,
      price: null,
      status: 'cancelled',
    });
  });
});
