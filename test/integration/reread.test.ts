import { deleteDB } from 'idb';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { DEMO_TICKETMASTER_KEY } from '../../demo/ticketmaster-api';
import type { Event } from '../../lib/event';
import { EMPTY_QUERY } from '../../lib/query';
import { pointBuildAt } from '../support/demo-env';
import { stubIdentity } from '../support/identity';
import { walkAuthorization } from '../support/walk-authorization';

// The daily re-read of Interested events against the demo server on loopback: Eventbrite's
// `/v3/events/{id}/` (the demo provider's) and Discovery's `/events/{id}.json`, through the real
// providers, credentials and budgets, into storage.sync.
let demo: DemoServer;
let reread: typeof import('../../lib/reread');
let interested: typeof import('../../lib/interested');
let session: typeof import('../../lib/auth/session');
let key: typeof import('../../lib/ticketmaster-key');
let providers: typeof import('../../lib/providers');
let ticketmaster: typeof import('../../lib/providers/ticketmaster');
let db: typeof import('../../lib/cache/db');
let kept: typeof import('../../lib/cache/kept-events');

beforeAll(async () => {
  demo = await startDemoServer();
  pointBuildAt(demo);
  reread = await import('../../lib/reread');
  interested = await import('../../lib/interested');
  session = await import('../../lib/auth/session');
  key = await import('../../lib/ticketmaster-key');
  providers = await import('../../lib/providers');
  ticketmaster = await import('../../lib/providers/ticketmaster');
  db = await import('../../lib/cache/db');
  kept = await import('../../lib/cache/kept-events');
});
afterAll(() => demo.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDB(db.CACHE_NAME);
});

async function signIn() {
  stubIdentity(({ url }) => walkAuthorization(url, { login: 'demo', password: 'demo' }));
  await session.signIn('demo');
}

/** The first few demo events, as the demo provider reads them by id. */
async function demoEvents(count: number): Promise<Event[]> {
  const provider = await providers.getProvider('demo');
  const token = await session.getAccessToken('demo');
  const ids = demo
    .events()
    .filter((event) => Date.parse(event.start.utc) > Date.now() + 86_400_000)
    .slice(0, count)
    .map((event) => event.id);
  return Promise.all(ids.map(async (id) => (await provider.eventById(id, token))!));
}

describe('eventById', () => {
  test('the demo provider reads one event with its venue, and null for an id it does not list', async () => {
    await signIn();
    const provider = await providers.getProvider('demo');
    const token = await session.getAccessToken('demo');
    const listed = demo.events().find((event) => event.venue)!;
    const event = await provider.eventById(listed.id, token);
    expect(event).toMatchObject({ provider: 'demo', id: listed.id, title: listed.name.text });
    expect(event?.venue?.name).toBe(listed.venue!.name);
    expect(await provider.eventById('404404404', token)).toBeNull();
  });

  test("Discovery's event by id as its search gives it, and null for its 404 (DIS1004)", async () => {
    const provider = ticketmaster.ticketmasterProvider(demo.ticketmasterBase);
    const range = { start: new Date() };
    const [first] = (await provider.search(EMPTY_QUERY, range, undefined, DEMO_TICKETMASTER_KEY)).events;
    expect(await provider.eventById(first!.id, DEMO_TICKETMASTER_KEY)).toEqual(first);
    expect(await provider.eventById('Z-no-such-event', DEMO_TICKETMASTER_KEY)).toBeNull();
  });
});

describe('rereadInterested', () => {
  test('a moved time says "Time changed" and raises the SEQUENCE; an event gone says so; the rest is unchanged', async () => {
    await signIn();
    const [moved, same, gone] = await demoEvents(3);
    const earlier = {
      ...moved!,
      start: { ...moved!.start, utc: new Date(Date.parse(moved!.start.utc) - 3_600_000).toISOString() },
    };
    for (const event of [earlier, same!, { ...gone!, id: '404404404' }])
      await interested.keepInterested(event);

    expect(await reread.rereadInterested()).toBe(2);
    const items = new Map((await interested.listInterested()).map((item) => [item.id, item]));
    expect(items.get(moved!.id)).toMatchObject({ change: 'time-changed', sequence: 1, start: moved!.start });
    expect(items.get(same!.id)?.change).toBeUndefined();
    expect(items.get('404404404')?.change).toBe('gone');
    // The full event, as read, is kept for My events.
    expect((await kept.readKeptEvents()).get(`demo:${moved!.id}`)?.start).toEqual(moved!.start);

    // Nothing changed since: nothing is written.
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await reread.rereadInterested()).toBe(0);
    expect(set).not.toHaveBeenCalled();
  });

  test('a provider no longer connected is not asked, and the event says so; Ticketmaster by key is asked', async () => {
    await key.saveTicketmasterKey(DEMO_TICKETMASTER_KEY);
    const provider = ticketmaster.ticketmasterProvider(demo.ticketmasterBase);
    const [listed] = (
      await provider.search(EMPTY_QUERY, { start: new Date() }, undefined, DEMO_TICKETMASTER_KEY)
    ).events;
    await interested.keepInterested({ ...listed!, status: 'postponed' });
    await interested.keepInterested({ ...listed!, provider: 'demo', id: 'from-a-past-sign-in' });
    const before = demo.requestCount('GET /v3/events/from-a-past-sign-in/');

    expect(await reread.rereadInterested()).toBe(2);
    const items = await interested.listInterested();
    expect(items.find((item) => item.provider === 'demo')?.change).toBe('disconnected');
    expect(items.find((item) => item.provider === 'ticketmaster')).toMatchObject({ status: listed!.status });
    expect(demo.requestCount('GET /v3/events/from-a-past-sign-in/')).toBe(before);
  });
});
