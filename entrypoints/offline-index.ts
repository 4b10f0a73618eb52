import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { indexCachedEvents } from '@/lib/cache/offline-index';

/**
 * Filtering the cache as the user types offline (lib/event-index.ts), a script of its own that the popup
 * loads the first time it filters (components/load-script.ts): that comes after the first results, so the
 * popup's first files carry none of it.
 */
export interface OfflineIndexScript {
  indexCachedEvents: typeof indexCachedEvents;
}

declare global {
  interface Window {
    eventScoutOfflineIndex?: OfflineIndexScript;
  }
}

export default defineUnlistedScript(() => {
  window.eventScoutOfflineIndex = { indexCachedEvents };
});
