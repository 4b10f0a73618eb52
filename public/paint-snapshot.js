// Paints the popup's last results before any module loads: a classic script, started while the page is
// parsed, so the results are on screen about as soon as a static page's would be. The live app replaces
// them (components/popup-snapshot.ts). Only a snapshot of what is connected now, in this UI language and
// time zone, is painted (lib/settings.ts popupSnapshot). DOMParser makes inert nodes; nothing in them runs.
window.snapshotPainted = (async () => {
  try {
    const [{ popupSnapshot: snapshot }, { authState: auth, ticketmasterConnection: ticketmaster }] =
      await Promise.all([
        chrome.storage.session.get('popupSnapshot'),
        chrome.storage.local.get(['authState', 'ticketmasterConnection']),
      ]);
    if (!snapshot || typeof snapshot.html !== 'string') return false;
    // Older than a provider's terms let its content be kept (lib/retention.ts): not painted.
    if (!(Date.now() < snapshot.expiresAt)) return false;
    // lib/settings.ts snapshotOwner, as plain script: the account signed in to and the user's own key.
    const owners = [
      auth?.status === 'signed-in' && auth.account ? `${auth.provider}:${auth.account.id}` : null,
      ticketmaster?.source === 'own' ? `ticketmaster:own:${ticketmaster.ending}` : null,
    ].filter((owner) => owner !== null);
    const owner = owners.length ? owners.join(' ') : null;
    const here = [owner, chrome.i18n.getUILanguage(), Intl.DateTimeFormat().resolvedOptions().timeZone];
    if ([snapshot.owner, snapshot.language, snapshot.timeZone].some((value, index) => value !== here[index]))
      return false;
    const parsed = new DOMParser().parseFromString(snapshot.html, 'text/html');
    // Started in <head>: the body is parsed by the time storage answers, but say so rather than assume it.
    if (document.readyState === 'loading')
      await new Promise((resolve) => document.addEventListener('readystatechange', resolve, { once: true }));
    document.getElementById('snapshot').replaceChildren(...parsed.body.childNodes);
    document.getElementById('app').hidden = true;
    return true;
  } catch {
    // No snapshot this time; the app paints as usual.
    return false;
  }
})();
