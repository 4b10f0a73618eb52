import type { Coordinates } from './event';

/** Shape checks for data from outside (servers, storage, IndexedDB), shared by every parser. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');
export const isOneOf = <T extends string>(choices: readonly T[], value: unknown): value is T =>
  choices.includes(value as T);

/** Coordinates as numbers or decimal strings (as Eventbrite and Ticketmaster write them); off the globe is no location. */
export function parseCoordinates(latitude: unknown, longitude: unknown): Coordinates | null {
  const [lat, lon] = [latitude, longitude].map((value) =>
    typeof value === 'string' && value.trim() ? Number(value) : value,
  );
  return isFiniteNumber(lat) && isFiniteNumber(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    ? { latitude: lat, longitude: lon }
    : null;
}
