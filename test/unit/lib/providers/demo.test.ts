import { describe, expect, test } from 'vitest';
import { searchParameters } from '@/lib/providers/demo';
import { EMPTY_QUERY, normalizeQuery } from '@/lib/query';

describe('the demo provider’s search parameters', () => {
  test('carry every filter in the retired search’s names', () => {
    const params = searchParameters(
      normalizeQuery({ text: 'jazz', place: 'Berlin', onlineOnly: true, freeOnly: true }),
      {
        start: new Date('2030-01-01T10:00:00.123Z'),
        end: new Date('2030-01-08T10:00:00Z'),
      },
      'next-page',
    );
    expect(Object.fromEntries(params)).toEqual({
      expand: 'venue',
      q: 'jazz',
      'location.address': 'Berlin',
      'start_date.range_start': '2030-01-01T10:00:00',
      'start_date.range_end': '2030-01-08T10:00:00',
      online_events_only: 'true',
      price: 'free',
      continuation: 'next-page',
    });
  });

  test('leave out what is not asked for', () => {
    expect([...searchParameters(EMPTY_QUERY, { start: new Date('2030-01-01T00:00:00Z') }).keys()]).toEqual([
      'expand',
      'start_date.range_start',
    ]);
  });
});
