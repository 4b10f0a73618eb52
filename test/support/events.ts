import type { Event } from '../../lib/event';

let counter = 0;

/** A plausible event in the common model, with whatever a test cares about overridden. */
export function sampleEvent(overrides: Partial<Event> = {}): Event {
  counter++;
  return {
    provider: 'demo',
    id: `e${counter}`,
    title: `Event ${counter}`,
    summary: 'A sample event.',
    url: `https://demo.event-scout.test/e/${counter}`,
    start: {
      utc: new Date(Date.UTC(2030, 0, 1, 18) + counter * 3_600_000).toISOString(),
      timezone: 'Europe/Berlin',
      known: 'time',
      zoneSource: 'event',
    },
    end: null,
    venue: {
      name: 'Harbor Hall',
      city: 'Berlin',
      address: '1 Market St, Berlin',
      coordinates: { latitude: 52.52, longitude: 13.405 },
    },
    online: false,
    free: false,
    price: null,
    status: 'scheduled',
    imageUrl: null,
    ...overrides,
  };
}
