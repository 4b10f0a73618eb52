// With its extension: bench/floors.ts loads this module under Node's own type stripping, which adds none.
import { isOneOf } from './shape.ts';

/**
 * The providers Event Scout can search; a leaf module, so the Event model can check ids without the
 * settings. The first ones are signed in to (OAuth); Ticketmaster takes an API key instead.
 */
export const SIGN_IN_PROVIDER_IDS = ['demo', 'eventbrite'] as const;
export const PROVIDER_IDS = [...SIGN_IN_PROVIDER_IDS, 'ticketmaster'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
export type SignInProviderId = (typeof SIGN_IN_PROVIDER_IDS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return isOneOf(PROVIDER_IDS, value);
}

export function isSignInProviderId(value: unknown): value is SignInProviderId {
  return isOneOf(SIGN_IN_PROVIDER_IDS, value);
}

/**
 * The storage key (without its area) of a sign-in provider's own item: `demo:tokens`. One spelling for
 * lib/stored-item.ts, the snapshot painter (which reads storage raw, before any module) and the tests.
 */
export const providerKey = (provider: SignInProviderId, name: string): string => `${provider}:${name}`;
