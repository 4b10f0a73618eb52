import { afterEach, describe, expect, test, vi } from 'vitest';
import { eventbriteProvider } from '@/lib/providers/eventbrite';
import { EMPTY_QUERY, normalizeQuery } from '@/lib/query';
import { fakeFetch } from '../../../support/fake-fetch';

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
