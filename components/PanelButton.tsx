import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

/** Firefox's sidebar, which Chrome's types (wxt/browser's) do not have. */
const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

/** The page is the side panel (or sidebar) itself: entrypoints/sidepanel/index.html says so. */
export const inPanel = () => document.documentElement.classList.contains('panel');

/**
 * "Open in side panel": the same app in Chrome's side panel or Firefox's sidebar, then the popup closes.
 * Both browsers open it only from a user action, before anything is awaited in it.
 */
export function PanelButton() {
  const open = () =>
    void (
      sidebarAction
        ? sidebarAction.open()
        : browser.sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT })
    ).then(() => window.close());
  const label = i18n.t('panel.open');
  return (
    <button type="button" class="secondary small" aria-label={label} title={label} onClick={open}>
      ◨
    </button>
  );
}
