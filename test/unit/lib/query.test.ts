import { describe, expect, test } from 'vitest';
import { dateRange, normalizeQuery, queryKey, EMPTY_QUERY } from '@/lib/query';

describe('normalizeQuery', () => {
  test('tidies what was typed', () => {
    expect(
      normalizeQuery({
        text: '  live   jazz \n',
        place: ' Berlin ',
        when: 'week',
        onlineOnly: true,
        freeOnly: false,
      }),
    ).toEqual({
      text: 'live jazz',
      place: 'Berlin',
      when: 'week',
      onlineOnly: true,
      freeOnly: false,
    });
  });

  test('makes a complete query of anything read back from storage', () => {
    expect(normalizeQuery({ text: 42, when: 'someday', onlineOnly: 'yes' })).toEqual(EMPTY_QUERY);
    expect(normalizeQuery({ text: 'x'.repeat(500) }).text).toHaveLength(200);
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
