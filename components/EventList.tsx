import type { Event } from '@/lib/event';
import { eventWhen } from './format';

interface Props {
  events: Event[];
  userZone: string;
  /** Events a background sync found since the user last looked. */
  newIds?: ReadonlySet<string>;
}

/** Element Timing: lets a benchmark read when each title was painted (bench/), at no cost otherwise. */
const PAINT_TIMING = { elementtiming: 'event-title' } as Record<string, string>;

function EventItem({ event, userZone, isNew }: { event: Event; userZone: string; isNew: boolean }) {
  const when = eventWhen(event, userZone);
  const where = event.online ? 'Online' : [event.venue?.name, event.venue?.city].filter(Boolean).join(', ');
  return (
    <li class={isNew ? 'event is-new' : 'event'}>
      {isNew && <span class="badge new">New</span>}
      {/* Only http(s) URLs survive parsing (lib/event.ts); anything else is shown as plain text. */}
      {event.url ? (
        <a class="event-title" href={event.url} target="_blank" rel="noopener noreferrer" {...PAINT_TIMING}>
          {event.title}
        </a>
      ) : (
        <span class="event-title" {...PAINT_TIMING}>
          {event.title}
        </span>
      )}
      <p class="event-when">
        <time dateTime={event.start.utc}>{when.text}</time> <span class="zone">{when.zone}</span>
        {when.yours && <span class="yours"> · {when.yours}</span>}
      </p>
      <p class="event-where">
        {where || 'Venue to be announced'}
        {event.free && <span class="badge">Free</span>}
      </p>
    </li>
  );
}

/** The results: a list named "Events", one item per event. */
export function EventList({ events, userZone, newIds }: Props) {
  return (
    <ul class="events" aria-label="Events">
      {events.map((event) => (
        <EventItem key={event.id} event={event} userZone={userZone} isNew={newIds?.has(event.id) ?? false} />
      ))}
    </ul>
  );
}
