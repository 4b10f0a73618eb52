// Paints the popup's last results before any module loads: a classic script, run while the page is
// parsed, so the results are on screen as soon as a static page's would be. The live app replaces them
// (components/popup-snapshot.ts). DOMParser makes inert nodes; nothing in them runs.
(() => {
  try {
    const html = localStorage.getItem('popupSnapshot');
    if (!html) return;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.getElementById('snapshot').replaceChildren(...parsed.body.childNodes);
    document.getElementById('app').hidden = true;
  } catch {
    // No snapshot this time; the app paints as usual.
  }
})();
