import { describe, expect, test } from 'vitest';
import { interestedItem } from '@/lib/interested';
import { afterReread } from '@/lib/reread';
import { sampleEvent } from '../../support/events';

const event = sampleEvent({ title: 'Harbor lights' });
const item = interestedItem(event, 1)!;
const later = { ...event.start, utc: new Date(Date.parse(event.start.utc) + 3_600_000).toISOString() };

describe('afterReread', () => {
  test('the same event is the same item', () => {
    expect(afterReread(item, { found: event })).toEqual(item);
  });

  test('a moved start: the new time, "Time changed", the SEQUENCE raised; it stays said after', () => {
    const moved = afterReread(item, { found: { ...event, start: later } });
    expect(moved).toMatchObject({ start: later, change: 'time-changed', sequence: 1, keptAt: 1 });
    expect(afterReread(moved, { found: { ...event, start: later } })).toEqual(moved);
    // Only the date known now, on the same first moment: a change too.
    expect(
      afterReread(item, { found: { ...event, start: { ...event.start, known: 'date', date: '2030-01-01' } } })
        .change,
    ).toBe('time-changed');
  });

  test('cancelled, gone, or its provider not connected: said so, and what the item knew stays', () => {
    expect(afterReread(item, { found: { ...event, status: 'cancelled' } })).toMatchObject({
      status: 'cancelled',
      change: 'cancelled',
    });
    expect(afterReread(item, { gone: true })).toEqual({ ...item, change: 'gone' });
    expect(afterReread(item, { disconnected: true })).toEqual({ ...item, change: 'disconnected' });
    // Listed again, connected again: the mark goes.
    expect(afterReread({ ...item, change: 'gone' }, { found: event })).toEqual(item);
  });

  test('a renamed event or a new page is taken as the provider says', () => {
    expect(
      afterReread(item, {
        found: { ...event, title: 'Harbor lights (sold out)', url: 'https://example.test/new' },
      }),
    ).toMatchObject({
      title: 'Harbor lights (sold out)',
      url: 'https://example.test/new',
      sequence: 0,
    });
  });
});
