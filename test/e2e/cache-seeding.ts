import type { Event } from '../../lib/event.ts';
import type { Page } from 'puppeteer-core';

/** An event as the cache stores it: the Event and its folded search text. */
export type CachedRecord = Event & { text: string };

/**
 * Fills the cache with `count` synthetic events (ids `seed-0`…, so filling more keeps the first ones),
 * made in the extension's own origin (a page of it): tens of thousands in a second, where sending them
 * over the DevTools protocol takes half a minute.
 */
export async function fillCache(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('event-scout-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    // In transactions of 5,000, as a cache fills in real use: one huge write leaves the database
    // compacting for a while after, and that would be measured instead of the lookup.
    for (let from = 0; from < count; from += 5_000) {
      const tx = db.transaction('events', 'readwrite');
      for (let index = from; index < Math.min(count, from + 5_000); index++) {
        tx.objectStore('events').put({
          provider: 'demo',
          id: `seed-${index}`,
          title: `Seeded event ${index}`,
          summary: 'Filler for a full cache.',
          url: `https://demo.event-scout.test/e/seed-${index}`,
          // The common Event model (lib/event.ts), written out here because this runs in the page.
          start: {
            utc: new Date(Date.now() + (index % 90) * 86_400_000).toISOString(),
            timezone: 'UTC',
            known: 'time',
            zoneSource: 'event',
          },
          end: null,
          venue: { name: 'Hall', city: 'Berlin', address: 'Berlin', coordinates: null },
          online: false,
          free: false,
          price: null,
          status: 'scheduled',
          imageUrl: null,
          text: `seeded event ${index} filler for a full cache. hall berlin`,
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      });
    }
    db.close();
  }, count);
}

/** Writes events into the cache's store as the extension keeps them, in chunks the DevTools protocol carries well. */
export async function putCachedEvents(
  page: Page,
  records: CachedRecord[],
  { clear }: { clear: boolean },
): Promise<void> {
  for (let from = 0; from < records.length; from += 5_000) {
    await page.evaluate(
      async ({ chunk, clear }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('event-scout-cache');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        });
        const tx = db.transaction('events', 'readwrite');
        if (clear) tx.objectStore('events').clear();
        for (const record of chunk) tx.objectStore('events').put(record);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        });
        db.close();
      },
      { chunk: records.slice(from, from + 5_000), clear: clear && from === 0 },
    );
  }
}
