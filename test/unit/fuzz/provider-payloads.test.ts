import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseStoredEvent } from '@/lib/cache/records';
import type { Event } from '@/lib/event';
import { demoProvider } from '@/lib/providers/demo';
import { eventbriteProvider } from '@/lib/providers/eventbrite';
import { eventbriteGet, parseEventbriteUser, readList, toEvent } from '@/lib/providers/eventbrite-api';
import { AuthError } from '@/lib/auth/errors';
import { ProviderError } from '@/lib/providers/provider-error';
import { tokenStores } from '@/lib/auth/token-store';
import { withCacheConnection } from '@/lib/cache/db';
import { readSearch } from '@/lib/cache/searches';
import { EMPTY_QUERY, normalizeQuery, queryKey } from '@/lib/query';
import { runSearch, type SearchResult } from '@/lib/search';
import { authStates } from '@/lib/settings';
import { MAX_PAGE_DEPTH, PAGE_SIZE, readDiscoveryPage, toDiscoveryEvent } from '@/lib/providers/ticketmaster';
import {
  discoveryPayload,
  eventbritePayload,
  eventbriteShapedEvent,
  RUNS,
  ticketmasterShapedEvent,
} from './arbitraries';
import { fakeFetch } from '../../support/fake-fetch';

// Every parser of what an events API sends, fed thousands of payloads: a well-formed result, or a typed
// error (ProviderError) — never an uncaught exception and never half an event.

/** Well-formed: exactly what the cache would accept back, with only http(s) links. */
function expectWellFormed(event: Event) {
  expect(parseStoredEvent(event)).toEqual(event);
  for (const url of [event.url, event.imageUrl])
    if (url !== null) expect(new URL(url).protocol).toMatch(/^https?:$/);
}

describe('toEvent', () => {
  test('anything at all: an Event or null', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (raw) => {
        const event = toEvent(raw, 'demo');
        if (event) expectWellFormed(event);
      }),
      { numRuns: RUNS },
    );
  });

  test('Eventbrite-shaped events with any field wrong: an Event or null', () => {
    let kept = 0;
    fc.assert(
      fc.property(eventbriteShapedEvent, (raw) => {
        const event = toEvent(raw, 'eventbrite');
        if (event) expectWellFormed(event);
        if (event) kept++;
      }),
      { numRuns: RUNS },
    );
    // The cases reach the success path too, not only the refusals.
    expect(kept).toBeGreaterThan(RUNS / 50);
  });
});

describe('toDiscoveryEvent', () => {
  test('Ticketmaster-shaped events with any field wrong: an Event or null, never an invented time', () => {
    let kept = 0;
    fc.assert(
      fc.property(ticketmasterShapedEvent, (raw) => {
        const event = toDiscoveryEvent(raw);
        if (!event) return;
        kept++;
        expectWellFormed(event);
        // Free is never claimed: Ticketmaster has no such flag.
        expect(event.free).toBeNull();
        const start = (raw as { dates?: { start?: Record<string, unknown> } }).dates?.start;
        if (event.start.known === 'time') expect(start?.timeTBA).not.toBe(true);
        if (event.start.known === 'date') expect(event.start.date).toBe(start?.localDate);
      }),
      { numRuns: RUNS },
    );
    expect(kept).toBeGreaterThan(RUNS / 50);
  });

  test('readDiscoveryPage: events once each and a page cursor, or ProviderError', () => {
    fc.assert(
      fc.property(discoveryPayload, fc.nat({ max: 25 }), (body, page) => {
        try {
          const result = readDiscoveryPage(body, page);
          const ids = result.events.map((event) => event.id);
          expect(new Set(ids).size).toBe(ids.length);
          if (result.cursor !== undefined) {
            expect(result.cursor).toBe(String(page + 1));
            expect((page + 1) * PAGE_SIZE).toBeLessThan(MAX_PAGE_DEPTH);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ProviderError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('lists and accounts', () => {
  test('readList: the items and a string continuation, or ProviderError', () => {
    fc.assert(
      fc.property(eventbritePayload, fc.constantFrom('events', 'orders', 'organizations'), (body, key) => {
        try {
          const list = readList(body, key);
          expect(Array.isArray(list.items)).toBe(true);
          if (list.continuation !== undefined) expect(list.continuation).toMatch(/\S/);
        } catch (error) {
          expect(error).toBeInstanceOf(ProviderError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('parseEventbriteUser: an account with an id and a name, or ProviderError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            { id: fc.anything(), name: fc.anything(), first_name: fc.anything(), emails: fc.anything() },
            { requiredKeys: [] },
          ),
        ),
        (body) => {
          try {
            const account = parseEventbriteUser(body);
            expect(account.id).toMatch(/\S/);
            expect(typeof account.name).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(ProviderError);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** Any HTTP answer: a status, headers and a body that may be JSON of any shape, cut short or not JSON. */
const httpAnswer = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 400, 401, 403, 404, 429, 500, 503),
    fc.integer({ min: 200, max: 599 }),
  ),
  body: fc.oneof(
    eventbritePayload.map((payload) => JSON.stringify(payload) ?? ''),
    eventbritePayload.chain((payload) => {
      const text = JSON.stringify(payload) ?? '';
      return fc.nat({ max: text.length }).map((cut) => text.slice(0, cut));
    }),
    fc.string(),
  ),
  retryAfter: fc.option(fc.oneof(fc.string(), fc.nat().map(String)), { nil: undefined }),
});
type HttpAnswer = typeof httpAnswer extends fc.Arbitrary<infer T> ? T : never;

describe('whole answers, through the retry policy', () => {
  let answers: HttpAnswer[] = [];
  beforeEach(() => {
    // Waits (Retry-After, backoff) run on fake time; each answer in turn, then the last one again.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fakeFetch(() => {
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      const headers: Record<string, string> =
        answer.retryAfter === undefined
          ? {}
          : { 'retry-after': answer.retryAfter.replace(/[^\t\x20-\x7e]/g, '') };
      return new Response([204, 205, 304].includes(answer.status) ? null : answer.body, {
        status: answer.status,
        headers,
      });
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Settles `work` with every wait it schedules run at once. */
  async function settle<T>(work: Promise<T>): Promise<T> {
    work.catch(() => undefined);
    await vi.runAllTimersAsync();
    return work;
  }

  test('eventbriteGet: parsed JSON from a 2xx, or ProviderError', async () => {
    const parsed = (text: string): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    };
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(httpAnswer, { minLength: 1, maxLength: 3 }), async (script) => {
        answers = [...script];
        const outcome = await settle(eventbriteGet('https://api.test/v3', '/events/search/', 'token')).then(
          (body) => ({ ok: true as const, body }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(ProviderError);
          return;
        }
        // Whatever the retries, a success is the JSON of one of the 2xx answers, parsed whole.
        const successes = script
          .filter((answer) => answer.status >= 200 && answer.status < 300)
          .map((answer) => parsed(answer.body))
          .filter((body) => body !== undefined);
        expect(successes).toContainEqual(outcome.body);
        succeeded++;
      }),
      { numRuns: RUNS },
    );
    // The cases reach the success path too, not only the refusals.
    expect(succeeded).toBeGreaterThan(RUNS / 50);
  });

  test('runSearch: a bad answer stores nothing, and the last good results stay while the session does', async () => {
    // IndexedDB (fake-indexeddb) schedules on real timers: real time here, with retries at once (a 429
    // without Retry-After would wait a second: each says 0).
    vi.useRealTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const request = { provider: 'demo' as const, query: normalizeQuery({ text: 'jazz' }), timeZone: 'UTC' };
    const good: HttpAnswer = {
      status: 200,
      retryAfter: undefined,
      body: JSON.stringify({
        events: [
          { id: '1', name: { text: 'Jazz' }, start: { utc: '2030-01-01T00:00:00Z', timezone: 'UTC' } },
        ],
        pagination: {},
      }),
    };
    const cachedIds = () =>
      withCacheConnection(async (db) =>
        (await readSearch(db, 'demo', queryKey(request.query)))?.events.map((event) => event.id),
      );
    const writesLanded = () => new Promise((resolve) => setTimeout(resolve, 5));
    await fc.assert(
      fc.asyncProperty(fc.array(httpAnswer, { minLength: 1, maxLength: 3 }), async (script) => {
        // Signed in afresh each time: a 401 in the last case ended that session.
        await tokenStores.demo.setValue({ provider: 'demo', accessToken: 'at' });
        await authStates.demo.setValue({
          status: 'signed-in',
          provider: 'demo',
          account: { id: '1001', name: 'Dana Demo' },
        });
        answers = [good];
        await runSearch({ ...request, force: true });
        await writesLanded();
        answers = script.map((answer) => ({
          ...answer,
          retryAfter: answer.status === 429 ? '0' : undefined,
        }));
        const outcome = await runSearch({ ...request, force: true }).catch((error: unknown) => error);
        await writesLanded();
        // A token refused with nothing to renew it ends the session, and that takes the account's cache.
        if (outcome instanceof AuthError && outcome.code === 'session-expired')
          expect(await cachedIds()).toBeUndefined();
        else if (outcome instanceof Error || (outcome as SearchResult).problem)
          expect(await cachedIds()).toEqual(['1']);
        else expect(await cachedIds()).toEqual((outcome as SearchResult).events.map((event) => event.id));
      }),
      { numRuns: RUNS / 2 },
    );
  }, 60_000);

  test.each([
    ['demo', demoProvider()],
    ['eventbrite', eventbriteProvider({ clientId: 'app', organizerIds: ['5001'] })],
  ])('the %s provider’s search: well-formed events, or ProviderError', async (_name, provider) => {
    await fc.assert(
      fc.asyncProperty(fc.array(httpAnswer, { minLength: 1, maxLength: 4 }), async (script) => {
        answers = [...script];
        try {
          const page = await settle(
            provider.search(EMPTY_QUERY, { start: new Date('2030-01-01T00:00:00Z') }, undefined, 'token'),
          );
          page.events.forEach(expectWellFormed);
          if (page.cursor !== undefined) expect(typeof page.cursor).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ProviderError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
