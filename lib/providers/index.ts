import { eventbriteSettings, type ProviderId } from '../settings';
import { demoProvider } from './demo';
import { eventbriteProvider } from './eventbrite';
import type { Provider } from './types';

export async function getProvider(id: ProviderId): Promise<Provider> {
  return id === 'eventbrite' ? eventbriteProvider(await eventbriteSettings.getValue()) : demoProvider();
}
