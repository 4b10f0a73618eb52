import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readKeptEvents } from '@/lib/cache/kept-events';
import { calendarDataUrl, calendarFile } from '@/lib/calendar/ics';
import type { Event } from '@/lib/event';
import {
  endedAt,
  interestedEvent,
  listInterested,
  type InterestedChange,
  type InterestedEvent,
} from '@/lib/interested';
import { interestedKey } from '@/lib/interested-key';
import { providerName } from '@/lib/words';
import { adoptStyles } from './adopt-styles';
import styles from './dialogs.css?inline';
import { EventItem } from './EventList';
import { useInterestedKeys } from './InterestedToggle';
import { useDomId } from './use-dom-id';

const CHANGE_WORDS = {
  'time-changed': 'myEvents.timeChanged',
  gone: 'myEvents.gone',
} as const satisfies Record<Exclude<InterestedChange, 'disconnected' | 'cancelled'>, string>;

/** One kept event as the list shows it: its item (time, status, what changed) and the event to show. */
interface Kept {
  item: InterestedEvent;
  event: Event;
}

/** Every kept event, the full ones where IndexedDB has them; upcoming soonest first, past latest first. */
async function readKept(now: number): Promise<{ upcoming: Kept[]; past: Kept[] }> {
  const [items, full] = await Promise.all([
    listInterested(),
    readKeptEvents().catch(() => new Map<string, Event>()),
  ]);
  const kept = items.map((item) => ({
    item,
    event: interestedEvent(item, full.get(`${item.provider}:${item.id}`)),
  }));
  return {
    upcoming: kept.filter(({ item }) => endedAt(item) > now),
    past: kept.filter(({ item }) => endedAt(item) <= now).reverse(),
  };
}

/** What a re-read found, as the row's flag; a cancellation is the row's own status badge already. */
function changeText(item: InterestedEvent): string | undefined {
  if (!item.change || item.change === 'cancelled') return undefined;
  return item.change === 'disconnected'
    ? i18n.t('myEvents.disconnected', { provider: providerName(item.provider) })
    : i18n.t(CHANGE_WORDS[item.change]);
}

interface Props {
  userZone: string;
  onClose: () => void;
}

/**
 * "My events": the Interested events, from what this browser holds alone (storage.sync and IndexedDB), so
 * it is complete offline. The list is read once when it opens: unpressing "Interested" leaves the row in
 * place (pressed again, it is kept again) until the next opening.
 */
export default function MyEvents({ userZone, onClose }: Props) {
  adoptStyles(styles);
  const dialog = useRef<HTMLDialogElement>(null);
  const keys = useInterestedKeys();
  const [kept, setKept] = useState<{ upcoming: Kept[]; past: Kept[] }>();
  const titleId = useDomId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    void readKept(Date.now()).then(setKept);
    return () => element.close();
  }, []);

  const all = kept
    ? [...kept.upcoming, ...kept.past].filter(({ event }) => keys.has(interestedKey(event)))
    : [];
  const exportHref = () =>
    calendarDataUrl(
      calendarFile(
        all.map(({ item, event }) => ({ event, sequence: item.sequence })),
        new Date(),
        browser.runtime.getManifest().version,
      ),
    );
  const list = (rows: Kept[], label: string) => (
    <ul class="events" aria-label={label}>
      {rows.map((row) => (
        <EventItem
          key={interestedKey(row.item)}
          event={row.event}
          userZone={userZone}
          flag={changeText(row.item)}
          interested={keys}
        />
      ))}
    </ul>
  );
  return (
    <dialog ref={dialog} class="event-details my-events" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{i18n.t('myEvents.title')}</h2>
      {kept && !kept.upcoming.length && !kept.past.length && <p>{i18n.t('myEvents.empty')}</p>}
      {kept && kept.upcoming.length > 0 && list(kept.upcoming, i18n.t('myEvents.upcoming'))}
      {kept && kept.past.length > 0 && (
        <details>
          <summary>{i18n.t('myEvents.past', { count: String(kept.past.length) })}</summary>
          {list(kept.past, i18n.t('myEvents.pastList'))}
        </details>
      )}
      <div class="details-actions">
        {all.length > 0 && (
          <a href={exportHref()} download={i18n.t('myEvents.fileName')}>
            {i18n.t('myEvents.export')}
          </a>
        )}
        <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
          {i18n.t('details.close')}
        </button>
      </div>
    </dialog>
  );
}
