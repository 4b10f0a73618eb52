/** When to refresh: a tenth of the lifetime early, at most 60 s, so short test tokens work too. */
export function tokenTimes(expiresInSeconds: number | undefined, now = Date.now()): { expiresAt?: number; refreshAt?: number } {
  if (typeof expiresInSeconds !== 'number' || !Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) return {};
  const lifetime = expiresInSeconds * 1000;
  return { expiresAt: now + lifetime, refreshAt: now + lifetime - Math.min(60_000, lifetime / 10) };
}
