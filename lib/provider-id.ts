import { isOneOf } from './shape';

/** The providers Event Scout can search; a leaf module, so the Event model can check ids without the settings. */
export const PROVIDER_IDS = ['demo', 'eventbrite'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return isOneOf(PROVIDER_IDS, value);
}
