import { eventbriteSettings } from './eventbrite-settings';
import { type SignInProviderId } from '../provider-id';
import { demoProvider } from './demo';
import { eventbriteProvider } from './eventbrite';
import type { SignInProvider } from './types';

export async function getProvider(id: SignInProviderId): Promise<SignInProvider> {
  return id === 'eventbrite' ? eventbriteProvider(await eventbriteSettings.getValue()) : demoProvider();
}
