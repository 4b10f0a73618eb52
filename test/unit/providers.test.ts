import { afterEach, describe, expect, test, vi } from 'vitest';
import { searchParameters } from '@/lib/providers/demo';
import { eventbriteProvider } from '@/lib/providers/eventbrite';
import { EMPTY_QUERY, normalizeQuery } from '@/lib/query';
import { checkClientId, checkOrganizerIds } from '@/lib/settings-validation';
import { fakeFetch } from '../support/fake-fetch';

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

describe('the eventbrite provider', () => {
  afterEach(() => vi.unstubAllGlobals());

  const event = (id: string, title: string, day: number) => ({
    id,
    name: { text: title },
    start: { utc: `2030-01-${String(day).padStart(2, '0')}T18:00:00Z`, timezone: 'Europe/London' },
    venue: null,
    online_event: true,
  });

  test('merges orders and organizer events, once each, in start order, filtered by the query', async () => {
    const requests: string[] = [];
    fakeFetch((request) => {
      const input = new URL(request.url);
      requests.push(`${input.pathname}${input.search}`);
      const body = input.pathname.endsWith('/organizations/')
        ? { organizations: [], pagination: { has_more_items: false } }
        : input.pathname.endsWith('/orders/')
          ? {
              orders: [
                { event: event('1', 'Jazz brunch', 5) },
                { event: null },
                { event: event('2', 'Opera', 3) },
              ],
              pagination: { has_more_items: false },
            }
          : {
              events: [event('1', 'Jazz brunch', 5), event('3', 'Jazz late', 2)],
              pagination: { has_more_items: true, continuation: 'c2' },
            };
      return Response.json(body);
    });
    const provider = eventbriteProvider({ clientId: 'KEY', organizerIds: ['77'] });
    const page = await provider.search(
      normalizeQuery({ text: 'jazz' }),
      { start: new Date('2029-12-01') },
      undefined,
      'token',
    );
    expect(page.events.map((found) => found.id)).toEqual(['3', '1']);
    expect(requests).toHaveLength(3);
    expect(
      requests.some(
        (request) => request.startsWith('/v3/organizers/77/events/?') && request.includes('status=live'),
      ),
    ).toBe(true);
    expect(requests.some((request) => request.includes('/orders/?expand=event.venue'))).toBe(true);

    requests.length = 0;
    await provider.search(
      normalizeQuery({ text: 'jazz' }),
      { start: new Date('2029-12-01') },
      page.cursor,
      'token',
    );
    expect(requests).toEqual([
      '/v3/organizers/77/events/?continuation=c2&expand=venue&status=live&order_by=start_asc',
    ]);
  });

  test('filters its lists with the one text matcher: parts of words, folded', async () => {
    const titles = ['Sommerkonzert im Park', 'Jazz brunch', 'Opera'];
    fakeFetch((request) =>
      Response.json(
        new URL(request.url).pathname.endsWith('/orders/')
          ? {
              orders: titles.map((title, n) => ({ event: event(String(n), title, n + 1) })),
              pagination: { has_more_items: false },
            }
          : { organizations: [], events: [], pagination: { has_more_items: false } },
      ),
    );
    const provider = eventbriteProvider({ clientId: 'KEY', organizerIds: [] });
    const found = async (text: string) =>
      (
        await provider.search(normalizeQuery({ text }), { start: new Date('2029-12-01') }, undefined, 'token')
      ).events.map((event) => event.title);
    expect(await found('KONZERT')).toEqual(['Sommerkonzert im Park']);
    expect(await found('azz')).toEqual(['Jazz brunch']);
    expect(await found('konzert oper')).toEqual([]);
  });

  test('a cursor it did not write is refused', async () => {
    const provider = eventbriteProvider({ clientId: 'KEY', organizerIds: [] });
    await expect(provider.search(EMPTY_QUERY, { start: new Date() }, '%%%', 'token')).rejects.toMatchObject({
      code: 'arguments',
    });
  });
});

describe('options input', () => {
  test('organizer ids: numbers separated by commas or spaces, once each', () => {
    expect(checkOrganizerIds(' 12, 34 12\n56 ')).toEqual({ ok: true, value: ['12', '34', '56'] });
    expect(checkOrganizerIds('')).toEqual({ ok: true, value: [] });
    expect(checkOrganizerIds('12, eventbrite.com/o/34')).toEqual({
      ok: false,
      problem: { code: 'organizer-id-invalid', params: { id: 'eventbrite.com/o/34' } },
    });
  });

  test('client id: letters and digits, or empty', () => {
    expect(checkClientId(' ABC123XYZ ')).toEqual({ ok: true, value: 'ABC123XYZ' });
    expect(checkClientId('')).toEqual({ ok: true, value: '' });
    expect(checkClientId('key with spaces')).toMatchObject({ ok: false });
  });
});
