import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { snapshotOwner } from '@/lib/owners';
import { providerKey, SIGN_IN_PROVIDER_IDS } from '@/lib/provider-id';
import type { AuthState, PopupSnapshot, TicketmasterConnection } from '@/lib/settings';
import { userTimeZone } from '@/lib/zoned-time';

// Paints the popup's last results before any module loads: a classic script (an unlisted script, built on
// its own), started while the page is parsed, so the results are on screen about as soon as a static
// page's would be. The live app replaces them (components/popup-snapshot.ts). Only a snapshot of what is
// connected now, in this UI language and time zone, is painted (lib/settings.ts popupSnapshot). It reads
// storage raw: the stored items would bring @wxt-dev/storage in ahead of the first frame. A record of
// another shape names no owner a snapshot was taken for (or throws): nothing is painted then. DOMParser
// makes inert nodes; nothing in them runs.

async function paintSnapshot(): Promise<boolean> {
  try {
    const authKeys = SIGN_IN_PROVIDER_IDS.map((provider) => providerKey(provider, 'authState'));
    const [{ popupSnapshot: snapshot }, local] = (await Promise.all([
      browser.storage.session.get('popupSnapshot'),
      browser.storage.local.get([...authKeys, 'ticketmasterConnection']),
    ])) as [{ popupSnapshot?: PopupSnapshot }, Record<string, unknown>];
    if (typeof snapshot?.html !== 'string') return false;
    // Older than a provider's terms let its content be kept (lib/retention.ts): not painted.
    if (!(Date.now() < snapshot.expiresAt)) return false;
    const here = [
      // Unset items read as their fallbacks; a built-in key is no one's (lib/owners.ts).
      snapshotOwner(
        authKeys.map((key) => (local[key] as AuthState | undefined) ?? { status: 'signed-out' }),
        (local.ticketmasterConnection as TicketmasterConnection | undefined) ?? { source: 'none' },
      ),
      browser.i18n.getUILanguage(),
      userTimeZone(),
    ];
    if ([snapshot.owner, snapshot.language, snapshot.timeZone].some((value, index) => value !== here[index]))
      return false;
    const parsed = new DOMParser().parseFromString(snapshot.html, 'text/html');
    // Started in <head>: the body is parsed by the time storage answers, but say so rather than assume it.
    if (document.readyState === 'loading')
      await new Promise((resolve) => document.addEventListener('readystatechange', resolve, { once: true }));
    document.getElementById('snapshot')!.replaceChildren(...parsed.body.childNodes);
    document.getElementById('app')!.hidden = true;
    return true;
  } catch {
    // No snapshot this time; the app paints as usual.
    return false;
  }
}

export default defineUnlistedScript(() => {
  // The popup's language is the UI's (the HTML's "en" is the fallback): screen readers pronounce it by this.
  document.documentElement.lang = browser.i18n.getUILanguage();
  window.snapshotPainted = paintSnapshot();
});
