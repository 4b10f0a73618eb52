import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { HostAccessNotice } from '@/components/HostAccessNotice';

/**
 * The popup's notice that a provider's host permission was withdrawn, a script of its own that the popup
 * loads only when one is (components/load-script.ts): a rare case, so the popup's first files carry none
 * of it. Once shown, it follows the permissions itself.
 */
export interface AccessNoticeScript {
  show(host: HTMLElement): void;
}

declare global {
  interface Window {
    eventScoutAccessNotice?: AccessNoticeScript;
  }
}

export default defineUnlistedScript(() => {
  window.eventScoutAccessNotice = {
    show(host) {
      render(<HostAccessNotice />, host);
    },
  };
});
