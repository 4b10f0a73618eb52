import { vi } from 'vitest';

interface BrowserEvent {
  addListener(listener: never): void;
  removeListener(listener: never): void;
  hasListener(listener: never): boolean;
}

/**
 * An event of an API the fake browser leaves unimplemented, made to work: its listeners are kept, and the
 * function returned calls them as the browser would.
 */
export function fakeEvent<Args extends unknown[]>(event: BrowserEvent): (...args: Args) => void {
  const listeners = new Set<(...args: Args) => void>();
  vi.spyOn(event, 'addListener').mockImplementation((listener) => void listeners.add(listener));
  vi.spyOn(event, 'removeListener').mockImplementation((listener) => void listeners.delete(listener));
  vi.spyOn(event, 'hasListener').mockImplementation((listener) => listeners.has(listener));
  return (...args) => listeners.forEach((listener) => listener(...args));
}
