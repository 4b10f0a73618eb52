/**
 * The popup's last painted results, kept in the extension's localStorage so the next popup paints them
 * before any module loads (public/paint-snapshot.js). Only extension pages can read or write it; it holds
 * what the popup showed (titles, times, the account name) and is removed on sign-out and when the popup
 * finds itself signed out.
 */
export const SNAPSHOT_KEY = 'popupSnapshot';

export function clearSnapshot(): void {
  localStorage.removeItem(SNAPSHOT_KEY);
}

/** Stores what #app shows now, with the inputs' values as attributes so the copy reads the same. */
export function saveSnapshot(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const copy = app.cloneNode(true) as HTMLElement;
  const inputs = app.querySelectorAll('input');
  copy
    .querySelectorAll('input')
    .forEach((input, index) => input.setAttribute('value', inputs[index]?.value ?? ''));
  try {
    localStorage.setItem(SNAPSHOT_KEY, copy.innerHTML);
  } catch {
    // Full or unavailable: the popup paints a little later, nothing else changes.
  }
}

/** The live app takes over from the snapshot, in one step. */
export function revealApp(): void {
  document.getElementById('snapshot')?.replaceChildren();
  document.getElementById('app')?.removeAttribute('hidden');
}
