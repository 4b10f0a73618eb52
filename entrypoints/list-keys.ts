import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { roveRows } from '@/components/roving-rows';

/** The results list's keyboard (components/roving-rows.ts), loaded when focus first enters the list. */
declare global {
  interface Window {
    eventScoutRows?: (list: HTMLElement) => void;
  }
}

export default defineUnlistedScript(() => {
  window.eventScoutRows = roveRows;
});
