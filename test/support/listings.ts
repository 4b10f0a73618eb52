import type { DemoEvent } from '../../demo/events-data.ts';
import type { DemoServer } from '../../demo/server.ts';

let nextId = 990_000_000_000;

/**
 * A new listing on the demo server, starting in two hours (sooner than anything seeded, so it is on the
 * first page of results), with whatever the test sets.
 */
export function addListing(demo: DemoServer, title: string, overrides: Partial<DemoEvent> = {}): DemoEvent {
  const template = demo.events().find((event) => event.venue)!;
  const start = new Date(Date.now() + 2 * 3_600_000);
  const end = new Date(start.getTime() + 3_600_000);
  const id = String(nextId++);
  const event: DemoEvent = {
    ...template,
    id,
    name: { text: title, html: title },
    url: `https://demo.event-scout.test/e/${id}`,
    start: { ...template.start, utc: start.toISOString().replace(/\.\d+Z$/, 'Z') },
    end: { ...template.end, utc: end.toISOString().replace(/\.\d+Z$/, 'Z') },
    ...overrides,
  };
  demo.addEvent(event);
  return event;
}
