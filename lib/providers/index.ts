import { eventbriteSettings } from '../settings';
import { type ProviderId } from '../provider-id';
import { demoProvider } from './demo';
import { eventbriteProvider } from './eventbrite';
import type { Provider } from './types';

export async function getProvider(id: ProviderId): Promise<Provider> {
  return id === 'eventbrite' ? eventbriteProvider(await eventbriteSettings.getValue()) : demoProvider();
}
