import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountDialog } from '@/components/mount-dialog';
import MyEvents from '@/components/MyEvents';

/**
 * "My events", a script of its own that the popup loads the first time someone opens it
 * (components/load-script.ts): its own small Preact root, so the popup's first files carry none of it.
 */
export interface MyEventsScript {
  /** Opens the list; `onClose` runs once it has closed. */
  open(userZone: string, onClose: () => void): void;
}

declare global {
  interface Window {
    eventScoutMyEvents?: MyEventsScript;
  }
}

export default defineUnlistedScript(() => {
  window.eventScoutMyEvents = {
    open(userZone, onClose) {
      mountDialog((closed) => <MyEvents userZone={userZone} onClose={closed} />, onClose);
    },
  };
});
