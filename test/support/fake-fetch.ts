import { vi } from 'vitest';

/**
 * The one way unit tests stand in for the network: every fetch becomes a Request handed to `answer`,
 * whose Response (or throw, for a network failure) is what the code under test receives. Returns the
 * mock, whose calls keep the arguments as the code passed them.
 */
export function fakeFetch(answer: (request: Request) => Response | Promise<Response>) {
  // Answered in the same turn, as a real fetch starts at once: an abort right after the call finds it sent.
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    answer(new Request(input, init)),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** A fetch that fails as the browser's does when the network is down. */
export const networkDown = (): never => {
  throw new TypeError('Failed to fetch');
};
