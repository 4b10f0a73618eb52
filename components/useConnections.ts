import type { ProviderId } from '@/lib/provider-id';
import {
  signedInStates,
  ticketmasterConnection,
  type AuthStates,
  type TicketmasterConnection,
} from '@/lib/settings';
import { useAuthStates } from './useAuthStates';
import { useStoredValue } from './useStoredValue';

export interface Connections {
  auth?: AuthStates;
  ticketmaster?: TicketmasterConnection;
  /** The providers a search asks, in their fixed order: each one signed in to, Ticketmaster with a key. */
  providers: ProviderId[];
}

/** What is connected, kept live: each provider's sign-in state and whether Ticketmaster has a key. */
export function useConnections(): Connections {
  const auth = useAuthStates();
  const ticketmaster = useStoredValue(ticketmasterConnection);
  const providers: ProviderId[] = [
    ...(auth ? signedInStates(auth).map((state) => state.provider) : []),
    ...(ticketmaster && ticketmaster.source !== 'none' ? (['ticketmaster'] as const) : []),
  ];
  return { auth, ticketmaster, providers };
}
