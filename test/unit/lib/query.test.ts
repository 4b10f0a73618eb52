import { describe, expect, test } from 'vitest';
import { answerKey, asks, dateRange, normalizeQuery, queryKey, sourcesAsked, EMPTY_QUERY } from '@/lib/query';

describe('normalizeQuery', () => {
  test('tidies what was typed', () => {
    expect(
      normalizeQuery({
        text: '  live   jazz \n',
        place: ' Berlin ',
        when: 'week',
        onlineOnly: true,
        freeOnly: false,
        sources: ['ticketmaster', 'demo', 'demo'],
      }),
    ).toEqual({
      text: 'live jazz',
      place: 'Berlin',
      when: 'week',
      onlineOnly: true,
      freeOnly: false,
      sources: ['demo', 'ticketmaster'],
    });
  });

  test('makes a complete query of anything read back from storage', () => {
    expect(normalizeQuery({ text: 42, when: 'someday', onlineOnly: 'yes' })).toEqual(EMPTY_QUERY);
    expect(normalizeQuery({ text: 'x'.repeat(500) }).text).toHaveLength(200);
    // A source this version does not know (another browser's newer one), or no list at all: dropped.
    expect(normalizeQuery({ sources: ['meetup', 'eventbrite', 7] }).sources).toEqual(['eventbrite']);
    expect(normalizeQuery({ sources: 'demo' }).sources).toEqual([]);
  });
});

describe('sources', () => {
  const onlyDemo = normalizeQuery({ text: 'jazz', sources: ['demo'] });

  test('a query naming no sources asks every provider; one naming some, only those', () => {
    expect(asks(EMPTY_QUERY, 'ticketmaster')).toBe(true);
    expect(asks(onlyDemo, 'demo')).toBe(true);
    expect(asks(onlyDemo, 'ticketmaster')).toBe(false);
  });

  test('the connected providers asked: those named, or every one when none named is connected', () => {
    expect(sourcesAsked(onlyDemo, ['demo', 'ticketmaster'])).toEqual(['demo']);
    expect(sourcesAsked(EMPTY_QUERY, ['demo', 'ticketmaster'])).toEqual(['demo', 'ticketmaster']);
    expect(sourcesAsked(onlyDemo, ['ticketmaster'])).toEqual(['ticketmaster']);
  });

  test('make another search, but not another answer: a provider answers the same words the same', () => {
    expect(queryKey(onlyDemo)).not.toBe(queryKey({ ...onlyDemo, sources: [] }));
    expect(answerKey(onlyDemo)).toBe(answerKey({ ...onlyDemo, sources: [] }));
  });

  test('a query asking everyone keeps the key earlier versions wrote its cache and saved searches under', () => {
    expect(queryKey(normalizeQuery({ text: 'Jazz', place: 'Berlin' }))).toBe(
      '["jazz","berlin","any",false,false]',
    );
  });
});

describe('queryKey', () => {
  test('equal searches share a key, whatever the case, accents or spacing', () => {
    const key = queryKey(normalizeQuery({ text: 'Café  Concert', place: 'Zürich' }));
    expect(queryKey(normalizeQuery({ text: 'cafe concert', place: 'ZURICH ' }))).toBe(key);
  });

  test('different filters are different searches', () => {
    const base = normalizeQuery({ text: 'jazz' });
    const keys = new Set(
      [
        base,
        { ...base, when: 'today' as const },
        { ...base, onlineOnly: true },
        { ...base, freeOnly: true },
        { ...base, place: 'Paris' },
      ].map(queryKey),
    );
    expect(keys.size).toBe(5);
  });
});

describe('dateRange', () => {
  // Wednesday 2 December 2026, 15:00 in New York.
  const now = new Date('2026-12-02T20:00:00Z');
  const zone = 'America/New_York';

  test('today ends at local midnight', () => {
    expect(dateRange('today', now, zone)).toEqual({ start: now, end: new Date('2026-12-03T04:59:59.999Z') });
  });

  test('this weekend is Saturday and Sunday on the user’s calendar', () => {
    expect(dateRange('weekend', now, zone)).toEqual({
      start: new Date('2026-12-05T05:00:00Z'),
      end: new Date('2026-12-07T04:59:59.999Z'),
    });
  });

  test('on a Sunday afternoon, this weekend is what is left of it', () => {
    const sunday = new Date('2026-12-06T19:00:00Z');
    expect(dateRange('weekend', sunday, zone)).toEqual({
      start: sunday,
      end: new Date('2026-12-07T04:59:59.999Z'),
    });
  });

  test('the same instant is another day in Tokyo', () => {
    expect(dateRange('today', now, 'Asia/Tokyo').end).toEqual(new Date('2026-12-03T14:59:59.999Z'));
  });

  test('next 7 and 30 days, and any date', () => {
    expect(dateRange('week', now, zone).end).toEqual(new Date('2026-12-09T20:00:00Z'));
    expect(dateRange('month', now, zone).end).toEqual(new Date('2027-01-01T20:00:00Z'));
    expect(dateRange('any', now, zone)).toEqual({ start: now });
  });

  test('a weekend across a DST change keeps to local midnights', () => {
    // Europe/Berlin leaves summer time on Sunday 25 October 2026.
    const friday = new Date('2026-10-23T10:00:00Z');
    expect(dateRange('weekend', friday, 'Europe/Berlin')).toEqual({
      start: new Date('2026-10-23T22:00:00Z'),
      end: new Date('2026-10-25T22:59:59.999Z'),
    });
  });
});
