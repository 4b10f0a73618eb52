import { expect } from 'vitest';

/** True when there is at least one item and each satisfies `predicate`: `[].every(...)` is true of nothing. */
export const allOf = <T>(items: readonly T[], predicate: (item: T) => boolean): boolean =>
  items.length > 0 && items.every(predicate);

/** Every item satisfies `predicate`, and there is at least one; a failure lists the items that do not. */
export function expectAll<T>(items: readonly T[], predicate: (item: T) => boolean): void {
  expect(items.length, 'an empty list would satisfy any predicate').toBeGreaterThan(0);
  expect(items.filter((item) => !predicate(item))).toEqual([]);
}
