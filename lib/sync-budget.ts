import { PROVIDER_IDS, SIGN_IN_PROVIDER_IDS, type ProviderId } from './provider-id';
import type { QuotaReading } from './providers/types';
import { isFiniteNumber, isRecord } from './shape';
import { defineStoredItem } from './stored-item';

/**
 * How many requests background sync may send each provider, counted per attempt (a retry is a request the
 * provider counts too), in fixed windows kept in storage so a worker restart or a sign-out and in again
 * starts no new allowance. The user's own searches are not counted: the budgets leave them room.
 */
export interface SyncBudget {
  perHour: number;
  perDay?: number;
  /** The least time between two syncs of one saved search on this provider. */
  minIntervalMs: number;
  /**
   * For a key every install may share (a built-in one): no background request while the provider says
   * less than this share of its quota is left (Ticketmaster's Rate-Limit-Available of Rate-Limit).
   */
  reservedShare?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const SYNC_BUDGETS: Record<ProviderId, SyncBudget> = {
  // A quarter of Eventbrite's 2,000 calls an hour; the demo server plays Eventbrite and gets the same.
  eventbrite: { perHour: 500, minIntervalMs: 0 },
  demo: { perHour: 500, minIntervalMs: 0 },
  // Ticketmaster's key has 5,000 calls a day: sync takes at most a fifth of them, hourly at most, and none
  // while under half of the day's quota is left, which keeps the rest for searches the user is waiting on.
  ticketmaster: { perHour: 100, perDay: 1_000, minIntervalMs: HOUR_MS, reservedShare: 0.5 },
};

interface Window {
  start: number;
  count: number;
}
type Period = 'hour' | 'day';
type Spent = Partial<Record<ProviderId, Partial<Record<Period, Window>>>>;

const PERIOD_MS: Record<Period, number> = { hour: HOUR_MS, day: DAY_MS };

const parseWindow = (raw: unknown): Window | undefined =>
  isRecord(raw) && isFiniteNumber(raw.start) && isFiniteNumber(raw.count)
    ? { start: raw.start, count: raw.count }
    : undefined;

function parseSpent(raw: unknown): Spent | undefined {
  if (!isRecord(raw)) return undefined;
  const spent: Spent = {};
  for (const provider of PROVIDER_IDS) {
    const windows = raw[provider];
    if (!isRecord(windows)) continue;
    const hour = parseWindow(windows.hour);
    const day = parseWindow(windows.day);
    spent[provider] = { ...(hour ? { hour } : {}), ...(day ? { day } : {}) };
  }
  return spent;
}

/** 0.1.0 counted one hourly window for its one provider: each sign-in provider starts from that count. */
function perProvider(old: unknown): unknown {
  const hour = parseWindow(old);
  if (!hour) return {};
  return Object.fromEntries(SIGN_IN_PROVIDER_IDS.map((provider) => [provider, { hour }]));
}

/** Exported for the tests of its migration. */
export const syncBudgetItem = defineStoredItem<Spent>('local:syncRequests', {
  // This browser's request budgets: clearing them would let signing out and in again exceed a provider's limit
  clearOn: 'never',
  fallback: {},
  version: 2,
  migrations: { 2: perProvider },
  parse: parseSpent,
});

export type Booking = { booked: true; spent: Spent } | { booked: false; until: number };

/**
 * Books one request to `provider` at `now` against its budget; when none is left, says when there is
 * again. Pure, for the tests: the stored side is bookSyncRequest.
 */
export function book(
  spent: Spent,
  provider: ProviderId,
  now: number,
  quota?: QuotaReading,
  budget = SYNC_BUDGETS[provider],
): Booking {
  if (budget.reservedShare !== undefined && quota && quota.reset > now)
    if (quota.available < quota.limit * budget.reservedShare) return { booked: false, until: quota.reset };
  const limits: [Period, number | undefined][] = [
    ['hour', budget.perHour],
    ['day', budget.perDay],
  ];
  const windows: Partial<Record<Period, Window>> = {};
  for (const [period, limit] of limits) {
    if (limit === undefined) continue;
    const known = spent[provider]?.[period];
    const current = known && now - known.start < PERIOD_MS[period] ? known : { start: now, count: 0 };
    if (current.count + 1 > limit) return { booked: false, until: current.start + PERIOD_MS[period] };
    windows[period] = { start: current.start, count: current.count + 1 };
  }
  return { booked: true, spent: { ...spent, [provider]: windows } };
}

// One booking at a time: providers synced side by side share the stored record, and an unserialised
// read-then-write would lose one of two bookings.
let queue: Promise<unknown> = Promise.resolve();

/** Books one request to `provider` now: undefined when booked, else when its budget opens again. */
export function bookSyncRequest(provider: ProviderId, quota?: QuotaReading): Promise<number | undefined> {
  const booking = queue.then(async () => {
    const result = book(await syncBudgetItem.getValue(), provider, Date.now(), quota);
    if (!result.booked) return result.until;
    await syncBudgetItem.setValue(result.spent);
    return undefined;
  });
  queue = booking.catch(() => undefined);
  return booking;
}
