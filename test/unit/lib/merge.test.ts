import { describe, expect, test } from 'vitest';
import { exactStart, type Event } from '@/lib/event';
import { compareByStart, mergeShares, type ProviderShare } from '@/lib/merge';
import type { ProviderId } from '@/lib/provider-id';
import { sampleEvent } from '../../support/events';

const at = (provider: ProviderId, id: string, day: number): Event =>
  sampleEvent({
    provider,
    id,
    start: exactStart({ utc: new Date(Date.UTC(2031, 0, day, 18)).toISOString(), timezone: 'UTC' }),
  });
const share = (provider: ProviderId, events: Event[], hasMore = false): ProviderShare => ({
  provider,
  events,
  hasMore,
});
const ids = (events: Event[]) => events.map((event) => `${event.provider}:${event.id}`);

describe('mergeShares', () => {
  test('one list in start order across providers', () => {
    const merged = mergeShares([
      share('demo', [at('demo', 'a', 1), at('demo', 'b', 4)]),
      share('ticketmaster', [at('ticketmaster', 'x', 2), at('ticketmaster', 'y', 3)]),
    ]);
    expect(ids(merged.events)).toEqual(['demo:a', 'ticketmaster:x', 'ticketmaster:y', 'demo:b']);
    expect(merged).toMatchObject({ held: 0, hasMore: false });
  });

  test('at the same start, the providers’ fixed order, then the id: the order never depends on who answered first', () => {
    const tied = [at('ticketmaster', 'b', 1), at('demo', 'z', 1), at('ticketmaster', 'a', 1)];
    const one = mergeShares([share('ticketmaster', [tied[0]!, tied[2]!]), share('demo', [tied[1]!])]);
    const other = mergeShares([share('demo', [tied[1]!]), share('ticketmaster', [tied[2]!, tied[0]!])]);
    expect(ids(one.events)).toEqual(['demo:z', 'ticketmaster:a', 'ticketmaster:b']);
    expect(ids(other.events)).toEqual(ids(one.events));
  });

  test('a provider with more holds back what starts after its last event, until "More"', () => {
    const demo = share('demo', [at('demo', 'a', 1), at('demo', 'b', 3)], true);
    const ticketmaster = share('ticketmaster', [at('ticketmaster', 'x', 2), at('ticketmaster', 'y', 9)]);
    const merged = mergeShares([demo, ticketmaster]);
    // Demo's next page may hold day 4..8: Ticketmaster's day 9 waits.
    expect(ids(merged.events)).toEqual(['demo:a', 'ticketmaster:x', 'demo:b']);
    expect(merged).toMatchObject({ held: 1, hasMore: true });
    // "More" brought Demo's last page: nothing is held, and the list is whole.
    const more = mergeShares([share('demo', [...demo.events, at('demo', 'c', 5)]), ticketmaster]);
    expect(ids(more.events)).toEqual(['demo:a', 'ticketmaster:x', 'demo:b', 'demo:c', 'ticketmaster:y']);
    expect(more).toMatchObject({ held: 0, hasMore: false });
  });

  test('the earliest horizon among the providers with more wins; an event at it is shown', () => {
    const merged = mergeShares([
      share('demo', [at('demo', 'a', 5)], true),
      share('ticketmaster', [at('ticketmaster', 'x', 2)], true),
      share('eventbrite', [at('eventbrite', 'e', 2), at('eventbrite', 'f', 3)]),
    ]);
    expect(ids(merged.events)).toEqual(['eventbrite:e', 'ticketmaster:x']);
    expect(merged.held).toBe(2);
  });

  test('a provider with more but no events yet holds nothing back', () => {
    const merged = mergeShares([share('eventbrite', [], true), share('demo', [at('demo', 'a', 1)])]);
    expect(ids(merged.events)).toEqual(['demo:a']);
    expect(merged).toMatchObject({ held: 0, hasMore: true });
  });

  test('nothing from anyone is an empty list', () => {
    expect(mergeShares([])).toEqual({ events: [], held: 0, hasMore: false });
  });
});

describe('compareByStart', () => {
  test('an unannounced date sorts after every dated event', () => {
    const unannounced = sampleEvent({
      provider: 'ticketmaster',
      start: { utc: '9999-12-31T00:00:00.000Z', timezone: 'UTC', known: 'none', zoneSource: 'none' },
    });
    const dated = at('demo', 'a', 30);
    expect([unannounced, dated].sort(compareByStart)).toEqual([dated, unannounced]);
  });
});
