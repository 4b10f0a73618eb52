import { config } from './config';
import { clearProviderCache } from './cache/db';
import { ProblemError } from './problem';
import { ProviderError } from './providers/provider-error';
import type { QuotaReading, SearchProvider } from './providers/types';
import { isFiniteNumber, isRecord } from './shape';
import { discoveryUrl } from './providers/ticketmaster';
import { EMPTY_QUERY } from './query';
import { RETRY_POLICY } from './retry-policy';
import { withSessionLock } from './session-lock';
import { ticketmasterConnection } from './settings';
import { clearItemsOn, defineStoredItem } from './stored-item';

/**
 * The Ticketmaster API key: the user's own (Options), else the one the build came with. Kept where
 * tokens are (storage.local, this device only, never storage.sync), read by the background alone; pages
 * see only whose key is used and how it ends.
 */

// Consumer keys are 32 letters and digits; a little room either way, and nothing that could break a URL.
const KEY_SHAPE = /^[A-Za-z0-9_-]{8,128}$/;

const ownKey = defineStoredItem<string | null>('local:ticketmasterKey', {
  clearOn: 'key-removed',
  fallback: null,
  version: 1,
  parse: (raw) => (typeof raw === 'string' && KEY_SHAPE.test(raw) ? raw : undefined),
});

/**
 * When Ticketmaster takes requests with this key again, after it answered that the day's quota is spent
 * (its Rate-Limit-Reset): no request goes out before then, across worker restarts. A new key lifts it.
 */
const quotaSpentUntil = defineStoredItem<number | null>('local:ticketmasterQuotaSpentUntil', {
  clearOn: 'key-removed',
  fallback: null,
  version: 1,
  parse: (raw) => (isFiniteNumber(raw) ? raw : undefined),
});

/**
 * What Ticketmaster's last answer said of the key's day: how much of the quota is left, and when it is whole
 * again. A built-in key is every install's, so the background leaves it alone when little is left.
 */
const lastQuota = defineStoredItem<QuotaReading | null>('local:ticketmasterQuota', {
  clearOn: 'key-removed',
  fallback: null,
  version: 1,
  parse: (raw) =>
    isRecord(raw) && isFiniteNumber(raw.limit) && isFiniteNumber(raw.available) && isFiniteNumber(raw.reset)
      ? { limit: raw.limit, available: raw.available, reset: raw.reset }
      : undefined,
});

/** The key's day as Ticketmaster last told it, or null before its first answer. */
export const ticketmasterQuota = (): Promise<QuotaReading | null> => lastQuota.getValue();

/**
 * Ticketmaster's search, minding its daily quota: while it is known spent, the search fails at once
 * with when it comes back; an answer that says it is spent is remembered, and so is what each answer
 * says is left.
 */
/** Refuses at once while the day's quota is known to be spent: asking would only be refused too. */
async function refuseWhileSpent(): Promise<void> {
  const until = await quotaSpentUntil.getValue();
  if (until !== null && until > Date.now()) throw new ProviderError('quota-spent', 'known spent', { until });
}

export function mindingQuota(provider: SearchProvider): SearchProvider {
  return {
    ...provider,
    async eventById(...args) {
      await refuseWhileSpent();
      return provider.eventById(...args);
    },
    async search(...args) {
      await refuseWhileSpent();
      try {
        const page = await provider.search(...args);
        // Not awaited: the user's results do not wait on a note for the background's budget.
        if (page.quota)
          lastQuota.setValue(page.quota).catch((error: unknown) => console.warn('Event Scout:', error));
        return page;
      } catch (error) {
        if (error instanceof ProviderError && error.code === 'quota-spent' && error.until !== undefined)
          await quotaSpentUntil.setValue(error.until);
        throw error;
      }
    },
  };
}

/** The key searches use, or null when there is none. */
export async function ticketmasterKey(): Promise<string | null> {
  return (await ownKey.getValue()) ?? (config.ticketmaster.builtInKey || null);
}

/** How a checked key was kept: accepted outright, or valid but over Ticketmaster's limit right now. */
export type KeyCheck = 'accepted' | 'limited';

/**
 * Checks `input` (trimmed) with one Discovery request and keeps it only when Ticketmaster takes it: a 401
 * refuses it, a 429 proves it valid (kept, and said so), anything else (no network, a 5xx) keeps nothing,
 * since the key could not be checked. One plain request, not the retry policy: the user is waiting.
 */
export async function saveTicketmasterKey(input: string): Promise<KeyCheck> {
  const key = input.trim();
  if (!KEY_SHAPE.test(key)) throw new ProblemError('key-invalid');
  const url = discoveryUrl(config.ticketmaster.api, EMPTY_QUERY, { start: new Date() }, 0, key);
  url.searchParams.set('size', '1');
  let status: number;
  try {
    status = (await fetch(url, { signal: AbortSignal.timeout(RETRY_POLICY.attemptTimeoutMs) })).status;
  } catch {
    throw new ProblemError('key-unchecked', { detail: 'no answer' });
  }
  if (status === 401 || status === 403) throw new ProblemError('key-refused', { detail: String(status) });
  if (status !== 429 && !(status >= 200 && status < 300))
    throw new ProblemError('key-unchecked', { detail: String(status) });
  await withSessionLock(async () => {
    // Another key's results are not this one's to show.
    if ((await ownKey.getValue()) !== key) await clearProviderCache('ticketmaster');
    await Promise.all([
      // A new key has its own day: whatever the last one had spent says nothing of it.
      quotaSpentUntil.removeValue(),
      lastQuota.removeValue(),
      ownKey.setValue(key),
      ticketmasterConnection.setValue({ source: 'own', ending: key.slice(-4) }),
    ]);
  });
  return status === 429 ? 'limited' : 'accepted';
}

/** "Remove": the key, what is kept about it and Ticketmaster's cached results go; the built-in key, if any, takes over. */
export async function removeTicketmasterKey(): Promise<void> {
  // Under the lock that writes take: a search answered with the old key writes nothing after this.
  await withSessionLock(() => Promise.all([clearItemsOn('key-removed'), clearProviderCache('ticketmaster')]));
}
