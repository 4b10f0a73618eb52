import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normalizeQuery } from '@/lib/query';
import {
  listSavedSearches,
  MAX_SAVED_SEARCHES,
  removeSavedSearch,
  renameSavedSearch,
  saveSearch,
} from '@/lib/saved-searches';

beforeEach(() => fakeBrowser.reset());

describe('saved searches in storage.sync', () => {
  test('one item each, listed oldest first; saving the same search twice keeps one', async () => {
    const jazz = await saveSearch(normalizeQuery({ text: 'jazz', place: 'Berlin' }), 1);
    await saveSearch(normalizeQuery({ text: 'yoga' }), 2);
    expect(await saveSearch(normalizeQuery({ text: 'JAZZ', place: 'berlin' }), 3)).toEqual(jazz);
    const listed = await listSavedSearches();
    expect(listed.map((saved) => saved.query.text)).toEqual(['jazz', 'yoga']);
    // Never named by the user: no name is stored, so each reader sees it described in their language.
    expect(listed.map((saved) => saved.name)).toEqual([undefined, undefined]);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).filter((key) => key.startsWith('saved:') && !key.endsWith('$'))).toHaveLength(
      2,
    );
  });

  test('rename and remove', async () => {
    const saved = await saveSearch(normalizeQuery({ text: 'jazz' }));
    expect((await renameSavedSearch(saved.id, '  Friday   jazz ')).name).toBe('Friday jazz');
    await expect(renameSavedSearch(saved.id, '   ')).rejects.toMatchObject({ code: 'name-empty' });
    await expect(renameSavedSearch(saved.id, 'x'.repeat(81))).rejects.toMatchObject({
      code: 'name-too-long',
      params: { max: 80 },
    });
    expect((await listSavedSearches())[0]?.name).toBe('Friday jazz');
    await removeSavedSearch(saved.id);
    expect(await listSavedSearches()).toEqual([]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test(`at most ${MAX_SAVED_SEARCHES}, with a clear message and nothing written`, async () => {
    for (let index = 0; index < MAX_SAVED_SEARCHES; index++)
      await saveSearch(normalizeQuery({ text: `topic ${index}` }), index);
    await expect(saveSearch(normalizeQuery({ text: 'one more' }))).rejects.toMatchObject({
      code: 'saved-too-many',
      params: { max: MAX_SAVED_SEARCHES },
    });
    expect(await listSavedSearches()).toHaveLength(MAX_SAVED_SEARCHES);
  });

  test('a full storage.sync is said plainly before anything is written', async () => {
    await fakeBrowser.storage.sync.set({ other: 'x'.repeat(102_300) });
    await expect(saveSearch(normalizeQuery({ text: 'jazz' }))).rejects.toMatchObject({
      code: 'sync-storage-full',
    });
    expect(await listSavedSearches()).toEqual([]);
  });

  test('the browser refusing a write (120 a minute) becomes a clear message, and nothing is lost', async () => {
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'),
    );
    await expect(saveSearch(normalizeQuery({ text: 'yoga' }))).rejects.toMatchObject({
      code: 'sync-write-rate',
    });
    expect((await listSavedSearches()).map((saved) => saved.query.text)).toEqual(['jazz']);
  });

  test('a version record of any value reads as some version, never throws', async () => {
    await fakeBrowser.storage.sync.set({
      'saved:a': { id: 'a', query: { text: 'jazz' }, createdAt: 1 },
      'saved:a$': { v: 0 },
      'saved:b': { id: 'b', query: { text: 'yoga' }, createdAt: 2 },
      'saved:b$': { v: -3.5 },
    });
    expect((await listSavedSearches()).map((saved) => saved.query.text)).toEqual(['jazz', 'yoga']);
  });

  test('a record that is not ours is skipped, never deleted', async () => {
    await fakeBrowser.storage.sync.set({ 'saved:broken': { id: 7 }, 'saved:also': 'text' });
    await saveSearch(normalizeQuery({ text: 'jazz' }));
    expect((await listSavedSearches()).map((saved) => saved.query.text)).toEqual(['jazz']);
    expect(await fakeBrowser.storage.sync.get('saved:broken')).toEqual({ 'saved:broken': { id: 7 } });
  });
});

describe('version 1 records (an English description stored as the name)', () => {
  const v1 = (id: string, name: string) => ({
    [`saved:${id}`]: {
      id,
      name,
      provider: 'demo',
      query: { text: 'jazz', place: 'Berlin', when: 'weekend', freeOnly: true },
      createdAt: Number(id),
    },
  });

  test('lose the description, so it is described in the reader’s language; a name of the user’s own stays', async () => {
    await fakeBrowser.storage.sync.set({
      ...v1('1', 'jazz · Berlin · this weekend · free'),
      ...v1('2', 'Fridays'),
    });
    expect((await listSavedSearches()).map((saved) => saved.name)).toEqual([undefined, 'Fridays']);
  });

  test('are rewritten as version 3 by the next write', async () => {
    await fakeBrowser.storage.sync.set(v1('1', 'jazz · Berlin · this weekend · free'));
    await renameSavedSearch('1', 'Weekend jazz');
    const stored = await fakeBrowser.storage.sync.get(['saved:1', 'saved:1$']);
    expect(stored).toMatchObject({ 'saved:1': { id: '1', name: 'Weekend jazz' }, 'saved:1$': { v: 3 } });
    expect(stored['saved:1']).not.toHaveProperty('provider');
  });
});

describe('version 2 records (saved for the one provider signed in)', () => {
  test('are saved for every provider their sources ask, as read and as rewritten', async () => {
    await fakeBrowser.storage.sync.set({
      'saved:1': { id: '1', provider: 'eventbrite', query: { text: 'jazz' }, createdAt: 1 },
      'saved:1$': { v: 2 },
    });
    const [listed] = await listSavedSearches();
    expect(listed).toEqual({ id: '1', query: normalizeQuery({ text: 'jazz' }), createdAt: 1 });
    // The same search saved again is the one already there, not a second.
    expect(await saveSearch(normalizeQuery({ text: 'jazz' }))).toEqual(listed);
    await renameSavedSearch('1', 'Jazz');
    expect(await fakeBrowser.storage.sync.get(['saved:1', 'saved:1$'])).toEqual({
      'saved:1': { id: '1', name: 'Jazz', query: normalizeQuery({ text: 'jazz' }), createdAt: 1 },
      'saved:1$': { v: 3 },
    });
  });
});
