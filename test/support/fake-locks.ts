/**
 * Node has no Web Locks (navigator.locks); this one keeps their one promise in this code's use: work
 * under the same name runs one at a time, in the order it asked.
 */
const queues = new Map<string, Promise<unknown>>();

const locks = {
  request<T>(name: string, work: () => Promise<T>): Promise<T> {
    const turn = (queues.get(name) ?? Promise.resolve()).then(work);
    queues.set(
      name,
      turn.catch(() => undefined),
    );
    return turn;
  },
};

Object.defineProperty(globalThis.navigator, 'locks', { value: locks, configurable: true });
