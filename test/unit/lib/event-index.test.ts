import { describe, expect, test } from 'vitest';
import { eventSearchText, exactStart } from '@/lib/event';
import { EventIndex } from '@/lib/event-index';
import { compareByStart } from '@/lib/merge';
import { EMPTY_QUERY, normalizeQuery } from '@/lib/query';
import { matchesQuery } from '@/lib/text-match';
import { sampleEvent } from '../../support/events';

const events = [
  sampleEvent({
    id: 'a',
    title: 'Jazz Night at Harbor Hall',
    start: exactStart({ utc: '2031-01-03T18:00:00.000Z', timezone: 'UTC' }),
  }),
  sampleEvent({
    id: 'b',
    title: 'Jazzercise for Beginners',
    free: true,
    start: exactStart({ utc: '2031-01-01T18:00:00.000Z', timezone: 'UTC' }),
  }),
  sampleEvent({
    id: 'c',
    title: 'Café Concert',
    venue: { name: 'Pier 9', city: 'Zürich', address: 'Lake St, Zürich', coordinates: null },
    start: exactStart({ utc: '2031-01-02T18:00:00.000Z', timezone: 'UTC' }),
  }),
  sampleEvent({
    id: 'd',
    title: 'Online Jazz Jam',
    online: true,
    venue: null,
    start: exactStart({ utc: '2031-01-04T18:00:00.000Z', timezone: 'UTC' }),
  }),
];
const index = EventIndex.build(events.map((event) => ({ event, text: eventSearchText(event) })));
const always = { start: new Date('2030-01-01') };
const ids = (query: Parameters<typeof normalizeQuery>[0], range = always, limit = 10) =>
  index.search(normalizeQuery(query), range, limit).events.map((event) => event.id);

describe('EventIndex', () => {
  test('a typed word matches anywhere in a word, soonest first', () => {
    expect(ids({ text: 'jazz' })).toEqual(['b', 'a', 'd']);
    expect(ids({ text: 'ja' })).toEqual(['b', 'a', 'd']);
    expect(ids({ text: 'azz' })).toEqual(['b', 'a', 'd']);
    expect(ids({ text: 'ercise' })).toEqual(['b']);
    expect(ids({ text: 'jazzy' })).toEqual([]);
  });

  test('every word must match, in any order, without accents or case', () => {
    expect(ids({ text: 'NIGHT jazz' })).toEqual(['a']);
    expect(ids({ text: 'cafe zurich' })).toEqual(['c']);
    expect(ids({ text: 'jazz zurich' })).toEqual([]);
  });

  test('the rest of the query filters too', () => {
    expect(ids({ text: 'jazz', freeOnly: true })).toEqual(['b']);
    expect(ids({ text: 'jazz', onlineOnly: true })).toEqual(['d']);
    expect(ids({ place: 'zurich' })).toEqual(['c']);
    expect(
      ids({}, { start: new Date('2031-01-02T00:00:00Z'), end: new Date('2031-01-03T23:00:00Z') } as never),
    ).toEqual(['c', 'a']);
  });

  test('limits what it returns and counts the rest', () => {
    expect(index.search(EMPTY_QUERY, always, 2)).toEqual({ events: [events[1], events[2]], total: 4 });
  });

  test('agrees with matchesQuery, the one definition, while the user types on and back', () => {
    const titles = ['Jazz', 'Yoga', 'Salsa', 'Poetry', 'Sommerkonzert', 'Konzertabend'];
    const many = Array.from({ length: 2_000 }, (_, n) =>
      sampleEvent({
        id: `m${n}`,
        title: `${titles[n % titles.length]} session ${n % 37}`,
        free: n % 4 === 0,
        start: exactStart({ utc: new Date(Date.UTC(2031, 0, 1 + (n % 60))).toISOString(), timezone: 'UTC' }),
      }),
    );
    const big = EventIndex.build(many.map((event) => ({ event, text: eventSearchText(event) })));
    // Each keystroke in turn, so the index narrows from the last search's words and starts over.
    const typed = [
      'k',
      'ko',
      'kon',
      'konz',
      'konzert',
      'konz',
      'j',
      'ja',
      'ja s',
      'ja se',
      'ja ses 1',
      'azz',
      'o',
    ];
    for (const text of typed) {
      for (const freeOnly of [false, true]) {
        const query = normalizeQuery({ text, freeOnly });
        const scanned = many.filter((event) => matchesQuery(event, query, always));
        expect(scanned.length, text).toBeGreaterThan(0);
        expect(big.search(query, always, 10_000).events, text).toEqual([...scanned].sort(compareByStart));
      }
    }
  });
});
