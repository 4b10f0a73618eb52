import { sessionOwner, ticketmasterOwner } from './owners';
import { readAuthStates, signedInStates, ticketmasterConnection } from './settings';

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
 * Runs `write` for `owner` (lib/settings.ts sessionOwner, ticketmasterOwner) only while it is still
 * connected: under the lock, and not at all once its session ended or its key was removed, so nothing of
 * it is written back.
 */
export function writeForSession<T>(owner: string, write: () => Promise<T>): Promise<T | undefined> {
  return withSessionLock(async () => ((await currentOwners()).includes(owner) ? write() : undefined));
}

/** Everyone connected now: each signed-in account, the Ticketmaster key. */
async function currentOwners(): Promise<string[]> {
  const [states, ticketmaster] = await Promise.all([
    readAuthStates(),
    ticketmasterConnection.getValue().then(ticketmasterOwner),
  ]);
  return [
    ...signedInStates(states).map((state) => sessionOwner(state.provider, state.account)),
    ticketmaster,
  ].filter((owner): owner is string => owner !== undefined);
}
