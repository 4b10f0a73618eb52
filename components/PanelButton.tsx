import { i18n } from '#i18n';
import { openSidePanel } from '@/lib/side-panel';

/** The page is the side panel (or sidebar) itself: entrypoints/sidepanel/index.html says so. */
export const inPanel = () => document.documentElement.classList.contains('panel');

/** "Open in side panel": the same app in Chrome's side panel or Firefox's sidebar, then the popup closes. */
export function PanelButton() {
  const open = () => void openSidePanel().then(() => window.close());
  const label = i18n.t('panel.open');
  return (
    <button type="button" class="secondary small" aria-label={label} title={label} onClick={open}>
      ◨
    </button>
  );
}
