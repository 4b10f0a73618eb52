/** Longer lifetimes are taken as this: a server's 1e308 must not become an expiry of Infinity. */
const MAX_LIFETIME_SECONDS = 365 * 24 * 60 * 60;

/** When to refresh: a tenth of the lifetime early, at most 60 s, so short test tokens work too. */
export function tokenTimes(
  expiresInSeconds: number | undefined,
  now = Date.now(),
): { expiresAt?: number; refreshAt?: number } {
  if (typeof expiresInSeconds !== 'number' || !Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0)
    return {};
  const lifetime = Math.min(expiresInSeconds, MAX_LIFETIME_SECONDS) * 1000;
  return { expiresAt: now + lifetime, refreshAt: now + lifetime - Math.min(60_000, lifetime / 10) };
}
