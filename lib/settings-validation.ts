/** Checks for what the options page lets people type: a clear message, or the clean value. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function checkOrganizerIds(input: string): Checked<string[]> {
  const parts = input
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = parts.find((part) => !/^\d{1,20}$/.test(part));
  if (bad)
    return {
      ok: false,
      message: `“${bad}” is not an organizer id. Use the numbers from organizer page addresses, separated by commas.`,
    };
  if (parts.length > 20) return { ok: false, message: 'Follow at most 20 organizers.' };
  return { ok: true, value: [...new Set(parts)] };
}

export function checkClientId(input: string): Checked<string> {
  const value = input.trim();
  if (value && !/^[A-Za-z0-9_-]{4,100}$/.test(value))
    return {
      ok: false,
      message: 'A client id (API key) is letters and digits only, as Eventbrite shows it.',
    };
  return { ok: true, value };
}

export function checkSyncInterval(input: string, range: { min: number; max: number }): Checked<number> {
  const value = Number(input.trim());
  if (!/^\d+$/.test(input.trim()) || value < range.min || value > range.max) {
    return { ok: false, message: `Enter whole minutes from ${range.min} to ${range.max}.` };
  }
  return { ok: true, value };
}
