import type { SignInProviderId } from './provider-id';
import type { Account, AuthState, TicketmasterConnection } from './settings';

// Type imports only: entrypoints/paint-snapshot.ts runs this before any module loads, and must not pull
// in the stored items.

/** Whose data something is: the provider and the account id, as the cache and the snapshot record it. */
export const sessionOwner = (provider: SignInProviderId, account: Pick<Account, 'id'>): string =>
  `${provider}:${account.id}`;

/**
 * Whose Ticketmaster results are written: the key's, since a search with another key may see another
 * quota and must not be mixed in; undefined without a key.
 */
export const ticketmasterOwner = (connection: TicketmasterConnection): string | undefined =>
  connection.source === 'own'
    ? `ticketmaster:own:${connection.ending}`
    : connection.source === 'built-in'
      ? 'ticketmaster:built-in'
      : undefined;

/**
 * Whose results the popup's snapshot shows: every signed-in account and the user's own Ticketmaster key,
 * as entrypoints/paint-snapshot.ts can tell from storage (a built-in key is the build's, the same for every
 * snapshot); null when none is there.
 */
export function snapshotOwner(
  auths: readonly AuthState[],
  connection: TicketmasterConnection,
): string | null {
  const owners = [
    ...auths.map((auth) => (auth.status === 'signed-in' ? sessionOwner(auth.provider, auth.account) : null)),
    connection.source === 'own' ? ticketmasterOwner(connection) : null,
  ].filter((owner) => owner !== null);
  return owners.length ? owners.join(' ') : null;
}
