import { config } from '../config';
import {
  DATE_TBA_ORDER,
  safeHttpUrl,
  type Event,
  type EventStart,
  type EventStatus,
  type EventTime,
  type EventVenue,
  type PriceRange,
  type ZoneSource,
} from '../event';
import type { SearchQuery, TimeRange } from '../query';
import { fetchWithRetry } from '../retry-policy';
import { isFiniteNumber, isRecord, parseCoordinates } from '../shape';
import { midnightIn, validTimeZone } from '../zoned-time';
import { ProblemError } from '../problem';
import { ProviderError } from './provider-error';
import type { QuotaReading, RequestHooks, SearchPage, SearchProvider } from './types';

/**
 * Ticketmaster Discovery v2 (DESIGN.md, "Facts about the outside world"): public events by API key, no
 * sign-in. Text is `keyword`, a place is `city`; it has no online and no free flag, so those filters
 * are not its to answer. Pages of 50 while `size × page` stays under 1,000.
 */

export const PAGE_SIZE = 50;
export const MAX_PAGE_DEPTH = 1_000;
/** Ticketmaster's spike arrest: at most 5 requests a second per key. */
const REQUESTS_PER_SECOND = 5;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Discovery takes UTC to the second (`…T14:00:00Z`): milliseconds are refused (`DIS1015`). */
const discoveryTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The request for one page; the key goes in `apikey` and nowhere else. */
export function discoveryUrl(
  base: string,
  query: SearchQuery,
  range: TimeRange,
  page: number,
  apiKey: string,
): URL {
  const url = new URL(`${base.replace(/\/$/, '')}/events.json`);
  const params = url.searchParams;
  params.set('apikey', apiKey);
  if (query.text) params.set('keyword', query.text);
  if (query.place) params.set('city', query.place);
  // Without a date filter Discovery lists what is upcoming; a start bound would also drop every event
  // whose time is not announced yet.
  if (query.when !== 'any') params.set('startDateTime', discoveryTime(range.start));
  if (range.end) params.set('endDateTime', discoveryTime(range.end));
  params.set('sort', 'date,asc');
  params.set('size', String(PAGE_SIZE));
  params.set('page', String(page));
  return url;
}

/** The key as it must never be seen: in error details and logs the whole query string goes. */
const redactUrl = (url: URL | string): string => String(url).replace(/\?.*$/, '?…');

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The event's zone, else its venue's; when neither names one, UTC, and the event says so. */
function zoneOf(dates: Record<string, unknown>, venue: Record<string, unknown>) {
  const own = validTimeZone(dates.timezone);
  if (own) return { timezone: own, zoneSource: 'event' as ZoneSource };
  const venues = validTimeZone(venue.timezone);
  return venues
    ? { timezone: venues, zoneSource: 'venue' as ZoneSource }
    : { timezone: 'UTC', zoneSource: 'none' as ZoneSource };
}

/**
 * `dates.start` as far as it is known: an exact `dateTime` unless the time is to be announced or there
 * is none; else the local date; `dateTBA`/`dateTBD` or no date at all leave only "to be announced".
 */
function startOf(start: Record<string, unknown>, zone: ReturnType<typeof zoneOf>): EventStart {
  const unannounced = start.dateTBA === true || start.dateTBD === true;
  const timeless = start.timeTBA === true || start.noSpecificTime === true;
  const instant = text(start.dateTime);
  if (!unannounced && !timeless && instant && !Number.isNaN(Date.parse(instant)))
    return { utc: new Date(instant).toISOString(), ...zone, known: 'time' };
  const date = LOCAL_DATE.exec(text(start.localDate));
  if (!unannounced && date) {
    const [, year, month, day] = date.map(Number) as [number, number, number, number];
    const midnight = midnightIn(zone.timezone, year, month, day);
    if (!Number.isNaN(midnight.getTime()))
      return { utc: midnight.toISOString(), ...zone, known: 'date', date: date[0] };
  }
  return { utc: DATE_TBA_ORDER, ...zone, known: 'none' };
}

function endOf(dates: Record<string, unknown>, start: EventStart): EventTime | null {
  const end = isRecord(dates.end) ? text(dates.end.dateTime) : '';
  if (start.known !== 'time' || !end || Number.isNaN(Date.parse(end))) return null;
  const utc = new Date(end).toISOString();
  return utc > start.utc ? { utc, timezone: start.timezone } : null;
}

function venueOf(raw: Record<string, unknown>): EventVenue | null {
  const name = text(raw.name);
  const city = isRecord(raw.city) ? text(raw.city.name) : '';
  const line1 = isRecord(raw.address) ? text(raw.address.line1) : '';
  const state = isRecord(raw.state) ? text(raw.state.stateCode) : '';
  const country = isRecord(raw.country) ? text(raw.country.countryCode) : '';
  const place = [city, [state, text(raw.postalCode)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const address = [line1, place, country].filter(Boolean).join(', ');
  if (!name && !city && !address) return null;
  const location = isRecord(raw.location) ? raw.location : {};
  return { name, city, address, coordinates: parseCoordinates(location.latitude, location.longitude) };
}

/** One range over every stated price in the first currency named (ranges in two currencies do not add up). */
function priceOf(ranges: unknown): PriceRange | null {
  if (!Array.isArray(ranges)) return null;
  const valid = ranges.filter(
    (range): range is { currency: string; min: number; max: number } =>
      isRecord(range) &&
      /^[A-Z]{3}$/.test(text(range.currency)) &&
      isFiniteNumber(range.min) &&
      isFiniteNumber(range.max) &&
      range.min >= 0 &&
      range.max >= range.min,
  );
  const currency = valid[0]?.currency;
  const same = valid.filter((range) => range.currency === currency);
  if (!currency) return null;
  return {
    min: Math.min(...same.map((range) => range.min)),
    max: Math.max(...same.map((range) => range.max)),
    currency,
  };
}

const STATUSES: Record<string, EventStatus> = {
  cancelled: 'cancelled',
  canceled: 'cancelled',
  postponed: 'postponed',
  rescheduled: 'rescheduled',
};

/** Wide enough for a 2× detail view in the popup, no wider than needed. */
const IMAGE_WIDTH = 640;

/**
 * Ticketmaster lists one picture in several ratios and widths: a 16:9 one (what the details view lays
 * out), the narrowest at least IMAGE_WIDTH wide, else the widest; its generic fallbacks only when
 * nothing else is there.
 */
export function chooseImage(images: unknown): string | null {
  if (!Array.isArray(images)) return null;
  const candidates = images
    .filter(isRecord)
    .map((image) => ({
      url: safeHttpUrl(image.url),
      ratio: text(image.ratio),
      width: isFiniteNumber(image.width) ? image.width : 0,
      fallback: image.fallback === true,
    }))
    .filter((image): image is typeof image & { url: string } => image.url !== null);
  const rank = (image: (typeof candidates)[number]) => [
    image.fallback ? 1 : 0,
    image.ratio === '16_9' ? 0 : 1,
    image.width >= IMAGE_WIDTH ? 0 : 1,
    image.width >= IMAGE_WIDTH ? image.width : -image.width,
  ];
  const best = candidates.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    const differs = ra.findIndex((value, index) => value !== rb[index]);
    return differs === -1 ? 0 : ra[differs]! - rb[differs]!;
  })[0];
  return best?.url ?? null;
}

/**
 * A Discovery event as the common Event, or null when it lacks what an event needs (an id, a name).
 * A missing `_embedded` (no venue), price or zone is normal; text stays text.
 */
export function toDiscoveryEvent(raw: unknown): Event | null {
  if (!isRecord(raw)) return null;
  const id = text(raw.id);
  const title = text(raw.name);
  if (!id || !title) return null;
  const dates = isRecord(raw.dates) ? raw.dates : {};
  const embedded = isRecord(raw._embedded) ? raw._embedded : {};
  const venue: unknown = Array.isArray(embedded.venues) ? embedded.venues[0] : undefined;
  const venueRecord = isRecord(venue) ? venue : {};
  const start = startOf(isRecord(dates.start) ? dates.start : {}, zoneOf(dates, venueRecord));
  const status = isRecord(dates.status) ? STATUSES[text(dates.status.code)] : undefined;
  return {
    provider: 'ticketmaster',
    id,
    title,
    summary: text(raw.info) || text(raw.description) || text(raw.pleaseNote),
    url: safeHttpUrl(raw.url),
    start,
    end: endOf(dates, start),
    venue: isRecord(venue) ? venueOf(venue) : null,
    // Ticketmaster lists events at venues; it has no online flag and no free flag (no price is not free).
    online: false,
    free: null,
    price: priceOf(raw.priceRanges),
    status: status ?? 'scheduled',
    imageUrl: chooseImage(raw.images),
  };
}

/** A page of Discovery's answer: its events once each, and whether another page may be asked for. */
export function readDiscoveryPage(body: unknown, page: number): SearchPage {
  if (!isRecord(body) || !isRecord(body.page)) throw new ProviderError('malformed', 'no page');
  const embedded = isRecord(body._embedded) ? body._embedded : {};
  if (embedded.events !== undefined && !Array.isArray(embedded.events))
    throw new ProviderError('malformed', 'events is not a list');
  const seen = new Set<string>();
  const events: Event[] = [];
  for (const raw of (embedded.events as unknown[] | undefined) ?? []) {
    const event = toDiscoveryEvent(raw);
    if (event && !seen.has(event.id)) {
      seen.add(event.id);
      events.push(event);
    }
  }
  const totalPages = isFiniteNumber(body.page.totalPages) ? body.page.totalPages : 0;
  const next = page + 1;
  const more = next < totalPages && next * PAGE_SIZE < MAX_PAGE_DEPTH && events.length > 0;
  return { events, ...(more ? { cursor: String(next) } : {}) };
}

type Fault = { faultstring?: unknown; detail?: { errorcode?: unknown } };

/** The Apigee fault's error code (`oauth.v2.InvalidApiKey`, `policies.ratelimit.QuotaViolation`, …). */
async function faultCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { fault?: Fault } | null;
    return text(body?.fault?.detail?.errorcode);
  } catch {
    return '';
  }
}

/** Discovery's own error codes (`DIS1035`: paging too deep). */
function discoveryCodes(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.map((error) => (isRecord(error) ? text(error.code) : ''));
}

const isQuotaViolation = (code: string) => code.endsWith('QuotaViolation');

/**
 * Requests started per key, so that no more than REQUESTS_PER_SECOND leave in any second: each request
 * is given the first slot free, and waits for it. In memory: a worker that restarts starts no burst.
 */
export class RequestPacer {
  private readonly starts = new Map<string, number[]>();

  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Books the next slot for `key`; returns how long to wait for it. */
  reserve(key: string): number {
    const now = this.now();
    const booked = (this.starts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const at =
      booked.length < this.limit ? now : Math.max(now, booked[booked.length - this.limit]! + this.windowMs);
    booked.push(at);
    this.starts.set(key, booked);
    return at - now;
  }
}

const pacer = new RequestPacer(REQUESTS_PER_SECOND, 1_000);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One answer from Discovery, its status and parsed body, and what it said of the key's quota. */
interface DiscoveryAnswer {
  status: number;
  body: unknown;
  quota?: QuotaReading;
}

/**
 * One Discovery request under the retry policy, paced. The key refused, the quota or spike arrest hit,
 * the network, a server fault or a body that is not JSON are ProviderErrors; other statuses are the
 * caller's to read.
 */
async function discoveryGet(url: URL, apiKey: string, hooks: RequestHooks): Promise<DiscoveryAnswer> {
  let response: Response;
  try {
    response = await fetchWithRetry(
      url,
      { headers: { accept: 'application/json' } },
      {
        beforeAttempt: async () => {
          await hooks.beforeAttempt?.();
          const wait = pacer.reserve(apiKey);
          if (wait > 0) await sleep(wait);
        },
        // The day's quota will not come back in seconds; the spike arrest will.
        isRetryable: async (answer) => !(answer.status === 429 && isQuotaViolation(await faultCode(answer))),
      },
    );
  } catch (error) {
    // A hook's refusal (sync's budget) says itself.
    if (error instanceof ProblemError) throw error;
    // A network error names no URL, but a redirect or a runtime might: the key stays out of the detail.
    throw new ProviderError('network', String(error).replaceAll(apiKey, '…'));
  }
  const where = redactUrl(url);
  if (response.status === 401) throw new ProviderError('key-refused', `401 ${where}`);
  if (response.status === 429) {
    const reset = Number(response.headers.get('rate-limit-reset'));
    if (isQuotaViolation(await faultCode(response.clone())))
      throw new ProviderError('quota-spent', `429 quota ${where}`, {
        ...(Number.isFinite(reset) && reset > Date.now() ? { until: reset } : {}),
      });
    throw new ProviderError('rate-limit', `429 spike arrest ${where}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ProviderError(response.ok ? 'malformed' : 'server', `${response.status} not JSON ${where}`);
  }
  if (response.status >= 500) throw new ProviderError('server', `${response.status} ${where}`);
  const quota = quotaReading(response.headers);
  return { status: response.status, body, ...(quota ? { quota } : {}) };
}

/** One page from Discovery; each fault as a ProviderError. */
export async function fetchDiscoveryPage(
  base: string,
  query: SearchQuery,
  range: TimeRange,
  page: number,
  apiKey: string,
  hooks: RequestHooks = {},
): Promise<SearchPage> {
  const url = discoveryUrl(base, query, range, page, apiKey);
  const { status, body, quota } = await discoveryGet(url, apiKey, hooks);
  if (status === 400 && discoveryCodes(body).includes('DIS1035')) return { events: [] };
  if (status >= 300) throw new ProviderError('arguments', `${status} ${redactUrl(url)}`);
  return { ...readDiscoveryPage(body, page), ...(quota ? { quota } : {}) };
}

/** `GET /discovery/v2/events/{id}.json`: the event, or null when Discovery no longer lists it (404). */
export async function fetchDiscoveryEvent(
  base: string,
  id: string,
  apiKey: string,
  hooks: RequestHooks = {},
): Promise<Event | null> {
  const url = new URL(`${base.replace(/\/$/, '')}/events/${encodeURIComponent(id)}.json`);
  url.searchParams.set('apikey', apiKey);
  const { status, body } = await discoveryGet(url, apiKey, hooks);
  if (status === 404) return null;
  if (status >= 300) throw new ProviderError('arguments', `${status} ${redactUrl(url)}`);
  const event = toDiscoveryEvent(body);
  if (!event || event.id !== id) throw new ProviderError('malformed', `${redactUrl(url)}: not that event`);
  return event;
}

/** The key's day as the answer tells it (Rate-Limit, Rate-Limit-Available, Rate-Limit-Reset), if whole. */
function quotaReading(headers: Headers): QuotaReading | undefined {
  const [limit, available, reset] = ['rate-limit', 'rate-limit-available', 'rate-limit-reset'].map((name) =>
    headers.has(name) ? Number(headers.get(name)) : Number.NaN,
  );
  return isFiniteNumber(limit) && isFiniteNumber(available) && isFiniteNumber(reset)
    ? { limit, available, reset }
    : undefined;
}

/** The cursor is the next page's number; anything else is no cursor this provider made. */
function pageOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const page = Number(cursor);
  if (!Number.isInteger(page) || page < 1 || page * PAGE_SIZE >= MAX_PAGE_DEPTH)
    throw new ProviderError('arguments', 'unreadable cursor');
  return page;
}

export function ticketmasterProvider(base = config.ticketmaster.api): SearchProvider {
  return {
    id: 'ticketmaster',
    search: (query, range, cursor, apiKey, hooks) =>
      fetchDiscoveryPage(base, query, range, pageOf(cursor), apiKey, hooks),
    eventById: (id, apiKey, hooks) => fetchDiscoveryEvent(base, id, apiKey, hooks),
  };
}
