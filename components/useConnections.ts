import type { ProviderId } from '@/lib/provider-id';
import { ticketmasterConnection, type AuthState, type TicketmasterConnection } from '@/lib/settings';
import { useAuthState } from './useAuthState';
import { useStoredValue } from './useStoredValue';

export interface Connections {
  auth?: AuthState;
  ticketmaster?: TicketmasterConnection;
  /** The providers a search asks, in their fixed order: the one signed in to, Ticketmaster with a key. */
  providers: ProviderId[];
}

/** What is connected, kept live: the sign-in state and whether Ticketmaster has a key. */
export function useConnections(): Connections {
  const auth = useAuthState();
  const ticketmaster = useStoredValue(ticketmasterConnection);
  const providers: ProviderId[] = [
    ...(auth?.status === 'signed-in' ? [auth.provider] : []),
    ...(ticketmaster && ticketmaster.source !== 'none' ? (['ticketmaster'] as const) : []),
  ];
  return { auth, ticketmaster, providers };
}
