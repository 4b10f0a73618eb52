import { authState, sessionOwner } from './settings';

/**
 * One lock for a session's records, shared by the pages and the background (Web Locks are per origin,
 * and the extension is one origin): a session ends, or something is written for it, one at a time. So a
 * write for the account (the popup's snapshot, a search's results, a sync's records) can never land after the session that owned it
 * ended and cleared everything.
 */
const SESSION_LOCK = 'event-scout:session';

export async function withSessionLock<T>(work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(SESSION_LOCK, work);
}

/**
 * Runs `write` for the session of `owner` (lib/settings.ts sessionOwner) only while that session lasts:
 * under the lock, and not at all once it has ended, so nothing of an ended session is written back.
 */
export function writeForSession<T>(owner: string, write: () => Promise<T>): Promise<T | undefined> {
  return withSessionLock(async () => ((await currentOwner()) === owner ? write() : undefined));
}

/** Whose session is signed in now, if any. */
export async function currentOwner(): Promise<string | undefined> {
  const state = await authState.getValue();
  return state.status === 'signed-in' ? sessionOwner(state.provider, state.account) : undefined;
}
