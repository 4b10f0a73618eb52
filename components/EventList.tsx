import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { startDatetime, type Event, type EventStatus } from '@/lib/event';
import { providerName } from '@/lib/words';
import { eventWhen } from '@/lib/format';
import { InterestedToggle, useInterestedKeys } from './InterestedToggle';
import { loadScript } from './load-script';
import { useFocusKeptInPlace } from './useFocusKeptInPlace';
import { useDomId } from './use-dom-id';

interface Props {
  events: Event[];
  userZone: string;
  /** Events a background sync found since the user last looked. */
  newIds?: ReadonlySet<string>;
  /**
   * For lists that change on every keystroke: paint what the scroll box shows first, the rest in the
   * next frame, so typing never waits on rows nobody can see yet.
   */
  progressive?: boolean;
}

const FIRST_ROWS = 20;

/** How many rows to render: all, or the first screenful now and all once that is painted. */
function useRowCount(total: number, progressive: boolean): number {
  const [count, setCount] = useState(progressive ? Math.min(total, FIRST_ROWS) : total);
  useEffect(() => {
    if (!progressive || count >= total) {
      setCount(total);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setCount(total))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [total, progressive, count]);
  return progressive ? Math.min(count, total) : total;
}

const STATUS_WORDS = {
  cancelled: 'results.cancelled',
  postponed: 'results.postponed',
  rescheduled: 'results.rescheduled',
} as const satisfies Record<Exclude<EventStatus, 'scheduled'>, string>;

/** Element Timing: lets a benchmark read when each title was painted (bench/), at no cost otherwise. */
const PAINT_TIMING = { elementtiming: 'event-title' } as Record<string, string>;

/** Opens Details on `event`; focus goes back to `opener` when it closes. */
const openDetails = (event: Event, userZone: string, opener: HTMLElement) =>
  void loadScript('/event-details.js').then(() =>
    window.eventScoutDetails!.open(event, userZone, () => opener.focus()),
  );

interface ItemProps {
  event: Event;
  userZone: string;
  /** A word the row leads with, its row marked: "New" in results, what changed in My events. */
  flag?: string;
  interested: ReadonlySet<string>;
}

/** One event as a row: its title (the link to its page), when and where, its source, Details, Interested. */
export function EventItem({ event, userZone, flag, interested }: ItemProps) {
  const titleId = useDomId();
  const when = eventWhen(event, userZone);
  const where = event.online
    ? i18n.t('results.online')
    : [event.venue?.name, event.venue?.city].filter(Boolean).join(', ');
  return (
    <li class={flag ? 'event is-new' : 'event'}>
      {flag && <span class="badge new">{flag}</span>}
      {/* Only http(s) URLs survive parsing (lib/event.ts); anything else is shown as plain text. */}
      {event.url ? (
        <a
          id={titleId}
          class="event-title"
          href={event.url}
          target="_blank"
          rel="noopener noreferrer"
          {...PAINT_TIMING}
        >
          {event.title}
        </a>
      ) : (
        <span id={titleId} class="event-title" {...PAINT_TIMING}>
          {event.title}
        </span>
      )}
      <p class="event-when">
        <time dateTime={startDatetime(event.start) ?? undefined}>{when.text}</time>
        {when.zone && <span class="zone"> {when.zone}</span>}
        {when.pending && <span class="zone"> · {when.pending}</span>}
        {when.yours && <span class="yours"> · {when.yours}</span>}
        {event.status !== 'scheduled' && (
          <span class={`badge event-status ${event.status}`}>{i18n.t(STATUS_WORDS[event.status])}</span>
        )}
      </p>
      <p class="event-where">
        {/* One line, so a row never wraps for its buttons: Details has the whole venue. */}
        <span class="venue">{where || i18n.t('results.venueTba')}</span>
        {event.free === true && <span class="badge">{i18n.t('results.free')}</span>}
        {/* Where it came from: every provider's results share one list (and Ticketmaster's terms ask for it). */}
        <span class="source">{providerName(event.provider)}</span>
        <button
          type="button"
          class="secondary"
          aria-describedby={titleId}
          onClick={(click) => openDetails(event, userZone, click.currentTarget)}
        >
          {i18n.t('results.details')}
        </button>
        <InterestedToggle event={event} keys={interested} describedBy={titleId} />
      </p>
    </li>
  );
}

/** The results: a list named "Events", one item per event. */
export function EventList({ events, userZone, newIds, progressive = false }: Props) {
  const rows = useRowCount(events.length, progressive);
  const list = useRef<HTMLUListElement>(null);
  useFocusKeptInPlace(list, events);
  const interested = useInterestedKeys();
  return (
    <ul
      class="events"
      aria-label={i18n.t('results.list')}
      ref={list}
      // The keyboard's script takes the list from its first focus (it takes each list once).
      onFocusIn={() => void loadScript('/list-keys.js').then(() => window.eventScoutRows!(list.current!))}
    >
      {events.slice(0, rows).map((event) => (
        <EventItem
          key={`${event.provider}:${event.id}`}
          event={event}
          userZone={userZone}
          flag={newIds?.has(event.id) ? i18n.t('results.new') : undefined}
          interested={interested}
        />
      ))}
    </ul>
  );
}
