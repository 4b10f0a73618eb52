import { generateEvents, type DemoEvent } from './events-data.ts';

/**
 * The demo server's Ticketmaster Discovery v2 (`/discovery/v2/events.json`), in the real API's shapes
 * (DESIGN.md, "Facts about the outside world"): an `apikey` parameter, `keyword`, `city`,
 * `startDateTime`/`endDateTime` to the second, `sort=date,asc`, `size` and a 0-based `page` whose depth
 * `size × page` stays under 1,000, `_embedded.events` absent when nothing matches, Apigee faults for the
 * key, the day's quota and the 5-a-second spike arrest, and the `Rate-Limit-*` headers. Pure functions
 * from a request to an answer; server.ts does the HTTP.
 */

/** The demo's key: public on purpose, like the demo accounts' passwords (this server runs on loopback). */
export const DEMO_TICKETMASTER_KEY = 'demo-ticketmaster-key';
export const DAILY_QUOTA = 5_000;
export const SPIKE_LIMIT_PER_SECOND = 5;
export const MAX_PAGE_DEPTH = 1_000;
export const MAX_PAGE_SIZE = 200;

type StatusCode = 'onsale' | 'offsale' | 'cancelled' | 'postponed' | 'rescheduled';

export interface TicketmasterVenue {
  id: string;
  name: string;
  type: 'venue';
  timezone?: string;
  city: { name: string };
  state?: { stateCode: string };
  country: { countryCode: string };
  address: { line1: string };
  postalCode?: string;
  location: { latitude: string; longitude: string };
}

export interface TicketmasterEvent {
  id: string;
  name: string;
  type: 'event';
  url: string;
  images: { ratio: '16_9' | '3_2' | '4_3'; url: string; width: number; height: number; fallback: boolean }[];
  dates: {
    start: {
      localDate?: string;
      localTime?: string;
      dateTime?: string;
      dateTBD: boolean;
      dateTBA: boolean;
      timeTBA: boolean;
      noSpecificTime: boolean;
    };
    end?: { localDate: string; localTime: string; dateTime: string };
    timezone?: string;
    status: { code: StatusCode };
  };
  priceRanges?: { type: 'standard'; currency: string; min: number; max: number }[];
  _embedded?: { venues: TicketmasterVenue[] };
}

const CURRENCIES: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  BR: 'BRL',
  GB: 'GBP',
  CH: 'CHF',
  JP: 'JPY',
  AU: 'AUD',
  KE: 'KES',
  SG: 'SGD',
};

/**
 * One Ticketmaster listing from a generated event: the same people, places and times, with the cases a
 * client must handle spread through the set by index (date-only starts, an unannounced date, cancelled,
 * postponed and rescheduled events, no prices, a zone only on the venue or nowhere, no venue at all).
 */
export function toTicketmasterEvent(event: DemoEvent, index: number): TicketmasterEvent {
  const venue = event.venue!;
  const countryCode = venue.address.country;
  const [localDate, localTime] = event.start.local.split('T') as [string, string];
  const dateTBA = index % 29 === 0;
  const timeTBA = !dateTBA && index % 13 === 0;
  const noSpecificTime = !dateTBA && !timeTBA && index % 17 === 0;
  const timeKnown = !dateTBA && !timeTBA && !noSpecificTime;
  const zoneOnEvent = index % 7 !== 0;
  const zoneOnVenue = index % 31 !== 0;
  const id = `Z7demo${event.id}`;
  const status: StatusCode =
    index % 11 === 0
      ? 'cancelled'
      : index % 19 === 0
        ? 'postponed'
        : index % 23 === 0
          ? 'rescheduled'
          : 'onsale';
  const image = (ratio: '16_9' | '3_2' | '4_3', width: number, height: number) => ({
    ratio,
    url: `https://demo.event-scout.test/tm/images/${index % 40}_${ratio}_${width}.jpg`,
    width,
    height,
    fallback: false,
  });
  const min = 15 + (index % 9) * 5;
  return {
    id,
    name: event.name.text,
    type: 'event',
    url: `https://demo.event-scout.test/tm/event/${id}`,
    images: [
      image('3_2', 305, 203),
      image('16_9', 2048, 1152),
      image('16_9', 640, 360),
      image('4_3', 305, 225),
    ],
    dates: {
      start: {
        ...(dateTBA ? {} : { localDate }),
        ...(timeKnown ? { localTime, dateTime: event.start.utc } : {}),
        dateTBD: false,
        dateTBA,
        timeTBA,
        noSpecificTime,
      },
      ...(timeKnown
        ? {
            end: {
              localDate: event.end.local.slice(0, 10),
              localTime: event.end.local.slice(11),
              dateTime: event.end.utc,
            },
          }
        : {}),
      ...(zoneOnEvent ? { timezone: event.start.timezone } : {}),
      status: { code: status },
    },
    ...(index % 3 === 0
      ? {}
      : {
          priceRanges: [
            { type: 'standard' as const, currency: CURRENCIES[countryCode] ?? 'EUR', min, max: min * 3 },
          ],
        }),
    ...(index % 37 === 0
      ? {}
      : {
          _embedded: {
            venues: [
              {
                id: `KovZdemo${venue.id}`,
                name: venue.name,
                type: 'venue' as const,
                ...(zoneOnVenue ? { timezone: event.start.timezone } : {}),
                city: { name: venue.address.city },
                state: { stateCode: venue.address.region },
                country: { countryCode },
                address: { line1: venue.address.address_1 },
                location: { latitude: venue.address.latitude, longitude: venue.address.longitude },
              },
            ],
          },
        }),
  };
}

/** Ticketmaster's own listings: another seed than the demo provider's, in person only (it has no online events). */
export function generateTicketmasterEvents(
  options: { now?: Date; count?: number } = {},
): TicketmasterEvent[] {
  const { events } = generateEvents({ seed: 7_041_970, now: options.now, count: options.count ?? 1_800 });
  return events.filter((event) => event.venue).map(toTicketmasterEvent);
}

/** Per key: requests in the current day (the quota) and their times in the last second (the spike arrest). */
export class TicketmasterQuota {
  private used = new Map<string, number>();
  private recent = new Map<string, number[]>();
  private resetAt: number;
  private now: () => number;

  constructor(now: () => number) {
    this.now = now;
    this.resetAt = this.nextReset();
  }

  private nextReset(): number {
    const midnight = new Date(this.now());
    midnight.setUTCHours(24, 0, 0, 0);
    return midnight.getTime();
  }

  /** A new day starts with every key's quota whole again. */
  private rollOver(): void {
    if (this.now() < this.resetAt) return;
    this.used.clear();
    this.resetAt = this.nextReset();
  }

  /** Spends `count` of `key`'s day (tests use it to leave a key with little or nothing). */
  spend(key: string, count = 1): void {
    this.rollOver();
    this.used.set(key, (this.used.get(key) ?? 0) + count);
  }

  /** What a request with `key` meets now: the quota gone, the spike arrest, or an answer. */
  admit(key: string): 'quota' | 'spike' | 'ok' {
    const now = this.now();
    const recent = (this.recent.get(key) ?? []).filter((at) => now - at < 1_000);
    recent.push(now);
    this.recent.set(key, recent);
    if (this.available(key) <= 0) return 'quota';
    if (recent.length > SPIKE_LIMIT_PER_SECOND) return 'spike';
    this.spend(key);
    return 'ok';
  }

  available(key: string): number {
    this.rollOver();
    return Math.max(0, DAILY_QUOTA - (this.used.get(key) ?? 0));
  }

  /** The headers every answer to a valid key carries. */
  headers(key: string): Record<string, string> {
    return {
      'rate-limit': String(DAILY_QUOTA),
      'rate-limit-available': String(this.available(key)),
      'rate-limit-over': '0',
      'rate-limit-reset': String(this.resetAt),
    };
  }
}

export interface DiscoveryAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const apigeeFault = (status: number, faultstring: string, errorcode: string): DiscoveryAnswer => ({
  status,
  body: { fault: { faultstring, detail: { errorcode } } },
});

export const INVALID_KEY = apigeeFault(401, 'Invalid ApiKey', 'oauth.v2.InvalidApiKey');
export const QUOTA_VIOLATION = apigeeFault(
  429,
  'Rate limit quota violation. Quota limit  exceeded. Identifier : demo',
  'policies.ratelimit.QuotaViolation',
);
export const SPIKE_ARREST = apigeeFault(
  429,
  'Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=5, periodInMicroseconds=1000000, maxBurstMessageCount=5.0}',
  'policies.ratelimit.SpikeArrestViolation',
);

const discoveryError = (code: string, detail: string): DiscoveryAnswer => ({
  status: 400,
  body: {
    errors: [{ code, detail, status: '400', _links: { self: { href: '/discovery/v2/errors.html#' } } }],
  },
});

/**
 * The answer to `GET /discovery/v2/events/{id}.json`: the event as search gives it, or Discovery's 404
 * (DIS1004) when no event has that id.
 */
export function discoveryEvent(events: readonly TicketmasterEvent[], id: string): DiscoveryAnswer {
  const event = events.find((candidate) => candidate.id === id);
  if (event) return { status: 200, body: event };
  return {
    status: 404,
    body: {
      errors: [
        {
          code: 'DIS1004',
          detail: `Resource not found with provided criteria (locale=en-us, id=${id})`,
          status: '404',
          _links: { self: { href: '/discovery/v2/errors.html#DIS1004' } },
        },
      ],
    },
  };
}

const SECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Where an event sorts by date: its instant, else the start of its day; an unannounced date last. */
function sortKey(event: TicketmasterEvent): string {
  const start = event.dates.start;
  return start.dateTime ?? (start.localDate ? `${start.localDate}T00:00:00Z` : '9999');
}

/** The answer to `GET /discovery/v2/events.json?…` for a key the quota has admitted. */
export function discoverEvents(
  events: readonly TicketmasterEvent[],
  params: URLSearchParams,
): DiscoveryAnswer {
  const size = Number(params.get('size') ?? 20);
  const page = Number(params.get('page') ?? 0);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(page) || page < 0)
    return discoveryError('DIS1001', 'Invalid value for size or page.');
  const pageSize = Math.min(size, MAX_PAGE_SIZE);
  if (pageSize * page >= MAX_PAGE_DEPTH)
    return discoveryError(
      'DIS1035',
      'API Limits Exceeded: Max paging depth exceeded. (page * size) must be less than 1,000',
    );
  const bounds: Record<'startDateTime' | 'endDateTime', string | undefined> = {
    startDateTime: undefined,
    endDateTime: undefined,
  };
  for (const name of ['startDateTime', 'endDateTime'] as const) {
    const value = params.get(name);
    if (value === null) continue;
    if (!SECONDS_UTC.test(value))
      return discoveryError(
        'DIS1015',
        'Query param with date must be of valid format YYYY-MM-DDTHH:mm:ssZ {example: 2020-08-01T14:00:00Z }',
      );
    bounds[name] = value;
  }
  const keyword = params.get('keyword')?.toLowerCase();
  const city = params.get('city')?.toLowerCase();
  let matches = events.filter((event) => {
    if (keyword && !event.name.toLowerCase().includes(keyword)) return false;
    if (city && event._embedded?.venues[0]?.city.name.toLowerCase() !== city) return false;
    // Both bounds filter the start; an event without a known instant has none to compare.
    const start = event.dates.start.dateTime;
    if ((bounds.startDateTime || bounds.endDateTime) && !start) return false;
    if (bounds.startDateTime && start! < bounds.startDateTime) return false;
    if (bounds.endDateTime && start! > bounds.endDateTime) return false;
    return true;
  });
  if (params.get('sort') === 'date,asc')
    matches = [...matches].sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.id.localeCompare(b.id));
  const slice = matches.slice(page * pageSize, (page + 1) * pageSize);
  return {
    status: 200,
    body: {
      ...(slice.length ? { _embedded: { events: slice } } : {}),
      page: {
        size: pageSize,
        totalElements: matches.length,
        totalPages: Math.ceil(matches.length / pageSize),
        number: page,
      },
    },
  };
}

/**
 * A failure the tests ask for, met by the next Ticketmaster request; a delay for one `city` waits for the
 * next request for that city (a test slowing one search is not foiled by another request in between).
 */
export type TicketmasterFault =
  | { kind: 'quota' | 'spike' | 'reset' | 'html' }
  | { kind: 'status'; status: number }
  | { kind: 'delay'; delayMs: number; city?: string };

/** The first fault `url` meets, taken from `faults`. */
export function takeFault(faults: TicketmasterFault[], url: URL): TicketmasterFault | undefined {
  const city = url.searchParams.get('city');
  const index = faults.findIndex((fault) => fault.kind !== 'delay' || !fault.city || fault.city === city);
  return index === -1 ? undefined : faults.splice(index, 1)[0];
}

/** What a faulted request is answered with; a delay answers normally after it, a reset answers nothing. */
export function faultAnswer(fault: TicketmasterFault): DiscoveryAnswer | 'reset' | undefined {
  switch (fault.kind) {
    case 'quota':
      return QUOTA_VIOLATION;
    case 'spike':
      return SPIKE_ARREST;
    case 'reset':
      return 'reset';
    case 'html':
      // What a gateway in front of the API sends when it fails: a page, not JSON.
      return { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    case 'status':
      return apigeeFault(
        fault.status,
        'The service is unavailable (a test asked for it).',
        'messaging.adaptors.http.flow.ServiceUnavailable',
      );
    case 'delay':
      return undefined;
  }
}
