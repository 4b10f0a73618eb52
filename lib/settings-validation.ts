import type { Problem } from './problem';

/** Checks for what the options page lets people type: the clean value, or the problem to show. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const MAX_ORGANIZERS = 20;

export function checkOrganizerIds(input: string): Checked<string[]> {
  const parts = input
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = parts.find((part) => !/^\d{1,20}$/.test(part));
  if (bad) return { ok: false, problem: { code: 'organizer-id-invalid', params: { id: bad } } };
  if (parts.length > MAX_ORGANIZERS)
    return { ok: false, problem: { code: 'organizers-too-many', params: { max: MAX_ORGANIZERS } } };
  return { ok: true, value: [...new Set(parts)] };
}

export function checkClientId(input: string): Checked<string> {
  const value = input.trim();
  if (value && !/^[A-Za-z0-9_-]{4,100}$/.test(value))
    return { ok: false, problem: { code: 'client-id-invalid' } };
  return { ok: true, value };
}

export function checkSyncInterval(input: string, range: { min: number; max: number }): Checked<number> {
  const value = Number(input.trim());
  if (!/^\d+$/.test(input.trim()) || value < range.min || value > range.max) {
    return { ok: false, problem: { code: 'interval-out-of-range', params: { ...range } } };
  }
  return { ok: true, value };
}
