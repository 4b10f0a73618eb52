import { isRecord, isStringArray } from '../shape';
import { defineStoredItem } from '../stored-item';

export interface EventbriteSettings {
  /** Overrides the build's WXT_EVENTBRITE_CLIENT_ID when set. */
  clientId: string;
  organizerIds: string[];
}

export const eventbriteSettings = defineStoredItem<EventbriteSettings>('sync:eventbrite', {
  // The user's settings
  clearOn: 'never',
  fallback: { clientId: '', organizerIds: [] },
  version: 1,
  parse: (raw) =>
    isRecord(raw) && typeof raw.clientId === 'string' && isStringArray(raw.organizerIds)
      ? { clientId: raw.clientId, organizerIds: raw.organizerIds }
      : undefined,
});
