import { browser } from 'wxt/browser';

/** Firefox's sidebar, which Chrome's types (wxt/browser's) do not have. */
const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

/**
 * Opens the popup's app in Chrome's side panel (of `windowId`) or Firefox's sidebar (of the current
 * window). Both browsers open it only from a user action and before anything is awaited in it: call it
 * first thing in a click's handler.
 */
export const openSidePanel = (windowId: number = browser.windows.WINDOW_ID_CURRENT): Promise<void> =>
  // The executor runs at once, inside the action; a browser without the API rejects rather than throws.
  new Promise((resolve) =>
    resolve(sidebarAction ? sidebarAction.open() : browser.sidePanel.open({ windowId })),
  );

/** The panel's page in a tab, where no side panel can open: it lays itself out for any width. */
export const panelPageUrl = (): string => browser.runtime.getURL('/sidepanel.html');
