import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import EventDetails from '@/components/EventDetails';
import type { Event } from '@/lib/event';

/**
 * The Details dialog, a script of its own that the popup loads the first time someone opens one
 * (components/EventList.tsx openDetails): its own small Preact root, so the popup's first files carry none
 * of it, and no chunk or loader is shared with them (a dynamic import would have split the popup's code
 * and brought in Vite's preload helper, 1.3 KB gzipped of its first paint).
 */
export interface DetailsScript {
  /** Opens the dialog on `event`; `onClose` runs once it has closed. */
  open(event: Event, userZone: string, onClose: () => void): void;
}

declare global {
  interface Window {
    eventScoutDetails?: DetailsScript;
  }
}

export default defineUnlistedScript(() => {
  window.eventScoutDetails = {
    open(event, userZone, onClose) {
      // Outside #app: the popup's snapshot of its results never holds an open dialog.
      const host = document.body.appendChild(document.createElement('div'));
      const closed = () => {
        render(null, host);
        host.remove();
        onClose();
      };
      render(<EventDetails event={event} userZone={userZone} onClose={closed} />, host);
    },
  };
});
