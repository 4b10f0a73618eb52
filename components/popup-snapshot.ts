import { browser } from 'wxt/browser';
import type { ProviderId } from '@/lib/provider-id';
import { retainedUntil } from '@/lib/retention';
import { withSessionLock } from '@/lib/session-lock';
import { snapshotOwner } from '@/lib/owners';
import { popupSnapshot, readAuthStates, ticketmasterConnection } from '@/lib/settings';
import { userTimeZone } from '@/lib/zoned-time';

/**
 * The popup's last painted results (lib/settings.ts popupSnapshot), taken here and painted by
 * entrypoints/paint-snapshot.ts before any module loads. The background removes it whenever a session ends.
 */

/** Whose results the popup would show now (lib/owners.ts snapshotOwner). */
async function currentSnapshotOwner(): Promise<string | null> {
  const [auths, ticketmaster] = await Promise.all([readAuthStates(), ticketmasterConnection.getValue()]);
  return snapshotOwner(Object.values(auths), ticketmaster);
}

/**
 * Stores what #app shows now, for `owner`, from `providers` (painted no longer than their terms allow), with the inputs' values as attributes so the copy reads the
 * same; only while `owner` is still the one connected (under the session lock, so never after a
 * sign-out or a key's removal).
 */
export function saveSnapshot(owner: string, providers: readonly ProviderId[]): void {
  const app = document.getElementById('app');
  if (!app) return;
  const copy = app.cloneNode(true) as HTMLElement;
  const inputs = app.querySelectorAll('input');
  copy
    .querySelectorAll('input')
    .forEach((input, index) => input.setAttribute('value', inputs[index]?.value ?? ''));
  const snapshot = {
    owner,
    language: browser.i18n.getUILanguage(),
    timeZone: userTimeZone(),
    html: copy.innerHTML,
    expiresAt: retainedUntil(providers),
  };
  void withSessionLock(async () => {
    if ((await currentSnapshotOwner()) === owner) await popupSnapshot.setValue(snapshot);
  }).catch(() => {
    // Full or unavailable storage: the next popup paints a little later, nothing else changes.
  });
}

/** The live app takes over from the snapshot, in one step. */
export function revealApp(): void {
  document.getElementById('snapshot')?.replaceChildren();
  document.getElementById('app')?.removeAttribute('hidden');
}
