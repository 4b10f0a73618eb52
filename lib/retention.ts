import type { ProviderId } from './provider-id';

const DAY_MS = 86_400_000;

/**
 * How long a provider's content may be kept on this device, where its terms say. Ticketmaster's ask that
 * its content be cached only for reasonable periods: a week, then it is fetched again or goes. A leaf
 * module: the popup reads it too.
 */
export const CONTENT_MAX_AGE_MS: Partial<Record<ProviderId, number>> = { ticketmaster: 7 * DAY_MS };

/** Whether content fetched at `fetchedAt` may still be shown. */
export function isRetained(provider: ProviderId, fetchedAt: number, now = Date.now()): boolean {
  const maxAge = CONTENT_MAX_AGE_MS[provider];
  return maxAge === undefined || now - fetchedAt < maxAge;
}

/** Until when content of all these providers, fetched at `fetchedAt`, may be shown (epoch ms). */
export function retainedUntil(providers: readonly ProviderId[], fetchedAt = Date.now()): number {
  const ages = providers.map((provider) => CONTENT_MAX_AGE_MS[provider] ?? Number.MAX_SAFE_INTEGER);
  return Math.min(Number.MAX_SAFE_INTEGER, fetchedAt + Math.min(Number.MAX_SAFE_INTEGER, ...ages));
}
