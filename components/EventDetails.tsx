import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { startDatetime, venueLine, type Event } from '@/lib/event';
import { providerName } from '@/lib/words';
import { calendarDates } from '@/lib/calendar/event-times';
import { CalendarMenu } from './CalendarMenu';
import { InterestedToggle, useInterestedKeys } from './InterestedToggle';
import { endText, mapUrl, priceText } from './event-facts';
import { eventWhen } from '@/lib/format';
import { adoptStyles } from './adopt-styles';
import styles from './dialogs.css?inline';

const STATUS_WORDS = {
  scheduled: 'details.scheduled',
  cancelled: 'results.cancelled',
  postponed: 'results.postponed',
  rescheduled: 'results.rescheduled',
} as const;

const PAINT_TIMING = { elementtiming: 'details-title' } as Record<string, string>;

interface Props {
  event: Event;
  userZone: string;
  /** Called once the dialog has closed (Close, Escape): the opener takes focus back (the browser's own return of focus is not in every version we support). */
  onClose: () => void;
}

/**
 * Everything the provider gave about one event, in a modal dialog: the browser keeps focus inside it and
 * closes it on Escape. Loaded on demand (entrypoints/event-details.tsx), so the popup's first paint does
 * not carry it. Every text is set as text: a provider's HTML is never rendered.
 */
export default function EventDetails({ event, userZone, onClose }: Props) {
  adoptStyles(styles);
  const dialog = useRef<HTMLDialogElement>(null);
  const interested = useInterestedKeys();
  // An image that does not load (a host that is down, or one the policy refuses) leaves no empty frame.
  const [imageFailed, setImageFailed] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    return () => element.close();
  }, []);

  const when = eventWhen(event, userZone);
  const ends = endText(event);
  const map = mapUrl(event.venue);
  const address = event.venue ? venueLine(event.venue) : '';
  return (
    <dialog ref={dialog} class="event-details" aria-labelledby="details-title" onClose={onClose}>
      {/* Element Timing: lets a benchmark read when the dialog was painted (bench/), at no cost otherwise. */}
      <h2 id="details-title" {...PAINT_TIMING}>
        {event.title}
      </h2>
      {event.imageUrl && !imageFailed && (
        // No referrer: an image host learns nothing of where it was shown (lib/event.ts keeps http(s) only,
        // and the extension's img-src admits only the providers' image hosts).
        <img
          class="details-image"
          src={event.imageUrl}
          alt=""
          referrerpolicy="no-referrer"
          onError={() => setImageFailed(true)}
        />
      )}
      <dl>
        <dt>{i18n.t('details.when')}</dt>
        <dd>
          <time dateTime={startDatetime(event.start) ?? undefined}>{when.text}</time>
          {when.zone && ` ${when.zone}`}
          {when.pending && ` · ${when.pending}`}
          {when.yours && <span class="yours"> · {when.yours}</span>}
        </dd>
        {ends && (
          <>
            <dt>{i18n.t('details.ends')}</dt>
            <dd>
              <time dateTime={event.end!.utc}>{ends}</time>
            </dd>
          </>
        )}
        <dt>{i18n.t('details.where')}</dt>
        <dd>
          {event.online ? i18n.t('results.online') : address || i18n.t('results.venueTba')}
          {map && (
            <>
              {' · '}
              <a href={map} target="_blank" rel="noopener noreferrer">
                {i18n.t('details.map')}
              </a>
            </>
          )}
        </dd>
        <dt>{i18n.t('details.price')}</dt>
        <dd>{priceText(event)}</dd>
        <dt>{i18n.t('details.status')}</dt>
        <dd>{i18n.t(STATUS_WORDS[event.status])}</dd>
        <dt>{i18n.t('details.source')}</dt>
        <dd>{providerName(event.provider)}</dd>
      </dl>
      {event.summary && <p class="details-summary">{event.summary}</p>}
      <div class="details-actions">
        {event.url && (
          <a href={event.url} target="_blank" rel="noopener noreferrer">
            {i18n.t('details.page')}
          </a>
        )}
        <InterestedToggle event={event} keys={interested} describedBy="details-title" />
        {calendarDates(event) && <CalendarMenu event={event} />}
        <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
          {i18n.t('details.close')}
        </button>
      </div>
    </dialog>
  );
}
