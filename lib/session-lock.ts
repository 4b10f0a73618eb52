/**
 * One lock for a session's records, shared by the pages and the background (Web Locks are per origin,
 * and the extension is one origin): a session ends, or something is written for it, one at a time. So a
 * page's write for the account (the popup's snapshot) can never land after the session that owned it
 * ended and cleared everything.
 */
const SESSION_LOCK = 'event-scout:session';

export async function withSessionLock<T>(work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(SESSION_LOCK, work);
}
