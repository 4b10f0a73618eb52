import { getAccessToken, renewRejectedToken } from './auth/session';
import { getProvider } from './providers';
import { ProviderError } from './providers/provider-error';
import { ticketmasterProvider } from './providers/ticketmaster';
import type { SearchProvider } from './providers/types';
import { isSignInProviderId, type ProviderId } from './provider-id';
import { sessionOwner, ticketmasterOwner } from './owners';
import { authStates, readAuthStates, signedInStates, ticketmasterConnection } from './settings';
import { mindingQuota, ticketmasterKey } from './ticketmaster-key';

/** A provider ready to be asked: its adapter, whose results it gives, and its credential. Background only. */
export interface Connection {
  provider: SearchProvider;
  /** lib/session-lock.ts: writes for it land only while it is still connected. */
  owner: string;
  credential: () => Promise<string>;
  /** Renews a credential the API refused (OAuth); absent where nothing can (an API key). */
  renew?: (rejected: string) => Promise<string>;
}

/** Ticketmaster's key and whose results it writes, when there is a key. */
async function ticketmasterCredential(): Promise<{ key: string; owner: string } | undefined> {
  const [key, connection] = await Promise.all([ticketmasterKey(), ticketmasterConnection.getValue()]);
  const owner = ticketmasterOwner(connection);
  return key && owner ? { key, owner } : undefined;
}

/** Every provider connected now, in their fixed order: those signed in to, and Ticketmaster with a key. */
export async function connectedProviders(): Promise<ProviderId[]> {
  const [states, ticketmaster] = await Promise.all([readAuthStates(), ticketmasterCredential()]);
  const signedIn: ProviderId[] = signedInStates(states).map((state) => state.provider);
  return ticketmaster ? [...signedIn, 'ticketmaster'] : signedIn;
}

/** The provider as connected now; a ProviderError when it is not (signed out, no key). */
export async function connect(id: ProviderId): Promise<Connection> {
  if (!isSignInProviderId(id)) {
    const credential = await ticketmasterCredential();
    if (!credential) throw new ProviderError('no-key');
    const { key, owner } = credential;
    return { provider: mindingQuota(ticketmasterProvider()), owner, credential: () => Promise.resolve(key) };
  }
  const state = await authStates[id].getValue();
  if (state.status !== 'signed-in') throw new ProviderError('auth', 'not signed in');
  return {
    provider: await getProvider(id),
    owner: sessionOwner(id, state.account),
    credential: () => getAccessToken(id),
    renew: (rejected) => renewRejectedToken(id, rejected),
  };
}
