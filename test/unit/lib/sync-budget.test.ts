import { describe, expect, test } from 'vitest';
import { book, type SyncBudget } from '@/lib/sync-budget';

const HOUR = 3_600_000;
const budget: SyncBudget = { perHour: 2, perDay: 3, minIntervalMs: 0, reservedShare: 0.5 };

/** Books `count` requests at `now`, each on the record the one before left. */
function bookMany(count: number, now: number, start = {}) {
  let spent = start;
  for (let booked = 0; booked < count; booked++) {
    const result = book(spent, 'ticketmaster', now, undefined, budget);
    if (!result.booked) return { spent, until: result.until, booked };
    spent = result.spent;
  }
  return { spent, booked: count };
}

describe('a provider’s sync budget', () => {
  test('books up to its hourly limit, then says when the hour is over', () => {
    const { until, booked, spent } = bookMany(3, 1_000);
    expect(booked).toBe(2);
    expect(until).toBe(1_000 + HOUR);
    expect(spent).toEqual({
      ticketmaster: { hour: { start: 1_000, count: 2 }, day: { start: 1_000, count: 2 } },
    });
  });

  test('a new hour opens the hour, and the day still counts', () => {
    const first = bookMany(2, 0);
    const later = bookMany(2, HOUR, first.spent);
    expect(later.booked).toBe(1);
    expect(later.until).toBe(24 * HOUR);
  });

  test('one provider’s spending leaves another’s budget whole', () => {
    const { spent } = bookMany(2, 0);
    expect(book(spent, 'demo', 0)).toMatchObject({ booked: true });
    expect(book(spent, 'ticketmaster', 0, undefined, budget)).toMatchObject({ booked: false });
  });

  test('under the reserved share of the provider’s quota, nothing is booked until it resets', () => {
    const low = { limit: 5_000, available: 2_499, reset: 10 * HOUR };
    expect(book({}, 'ticketmaster', 0, low, budget)).toEqual({ booked: false, until: 10 * HOUR });
    expect(book({}, 'ticketmaster', 0, { ...low, available: 2_500 }, budget)).toMatchObject({ booked: true });
    // A reading from before the reset says nothing of the new day.
    expect(book({}, 'ticketmaster', 11 * HOUR, low, budget)).toMatchObject({ booked: true });
  });
});
