import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountDialog } from '@/components/mount-dialog';
import EventDetails from '@/components/EventDetails';
import type { Event } from '@/lib/event';

/**
 * The Details dialog, a script of its own that the popup loads the first time someone opens one
 * (components/load-script.ts): its own small Preact root, so the popup's first files carry none of it.
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
      mountDialog((closed) => <EventDetails event={event} userZone={userZone} onClose={closed} />, onClose);
    },
  };
});
