import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { calendarDataUrl, calendarFile, calendarFileName } from '@/lib/calendar/ics';
import { googleCalendarLink, outlookCalendarLink } from '@/lib/calendar/links';
import type { Event } from '@/lib/event';
import { useDomId } from './use-dom-id';

/** Up and Down move through the items, wrapping; Home and End go to the first and last. */
function nextItem(items: HTMLElement[], current: Element | null, key: string): HTMLElement | undefined {
  const at = items.indexOf(current as HTMLElement);
  if (key === 'Home') return items[0];
  if (key === 'End') return items.at(-1);
  if (key === 'ArrowDown') return items[(at + 1) % items.length];
  if (key === 'ArrowUp') return items[(at - 1 + items.length) % items.length];
  return undefined;
}

/**
 * "Add to calendar": a menu button (WAI-ARIA APG) with a download and two calendar sites. Every item is a
 * link, so it works as a link does (middle click, the browser's own download). The parent shows it only
 * for an event with a date.
 */
export function CalendarMenu({ event }: { event: Event }) {
  const [open, setOpen] = useState(false);
  const menuId = useDomId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const onKeyDown = (key: KeyboardEvent) => {
    if (key.key === 'Escape') {
      // The menu closes, not the dialog around it.
      key.preventDefault();
      key.stopPropagation();
      close(true);
      return;
    }
    const target = nextItem(items(), document.activeElement, key.key);
    if (target) {
      key.preventDefault();
      target.focus();
    }
  };

  const file = open
    ? calendarFile([{ event, sequence: 0 }], new Date(), browser.runtime.getManifest().version)
    : '';
  return (
    <div
      class="calendar-menu"
      onFocusOut={(focus) => {
        if (!(focus.currentTarget as HTMLElement).contains(focus.relatedTarget as Node | null)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        onKeyDown={(key) => {
          if (key.key === 'ArrowDown' || key.key === 'ArrowUp') {
            key.preventDefault();
            setOpen(true);
          }
        }}
      >
        {i18n.t('calendar.add')}
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={i18n.t('calendar.add')} onKeyDown={onKeyDown}>
          <li role="none">
            <a
              role="menuitem"
              tabIndex={-1}
              href={calendarDataUrl(file)}
              download={calendarFileName(event.title)}
              onClick={() => close(true)}
            >
              {i18n.t('calendar.download')}
            </a>
          </li>
          {(
            [
              ['calendar.google', googleCalendarLink(event)],
              ['calendar.outlook', outlookCalendarLink(event)],
            ] as const
          ).map(([words, href]) => (
            <li role="none" key={words}>
              <a
                role="menuitem"
                tabIndex={-1}
                href={href ?? undefined}
                target="_blank"
                rel="noopener noreferrer"
                onClick={() => close(true)}
              >
                {i18n.t(words)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
