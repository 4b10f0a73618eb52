import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { searchInPanel, wordsQuery } from './search-request';

// "Search events for “%s”" on selected text: the search runs in the side panel (Firefox: the sidebar).

const SEARCH_MENU_ID = 'search-selection';

/** Firefox names the API `menus` (its permission too); Chrome `contextMenus`. */
const menus = (browser as unknown as { menus?: typeof browser.contextMenus }).menus ?? browser.contextMenus;

/**
 * Adds the item (the browser puts the selection in for `%s`). Both browsers keep items across restarts
 * but not always across updates, and refuse an id made twice: made afresh on install, update and start.
 */
export async function createSearchMenu(): Promise<void> {
  await menus.removeAll();
  menus.create({ id: SEARCH_MENU_ID, title: i18n.t('menu.searchSelection'), contexts: ['selection'] });
}

/**
 * The item clicked: the search in the panel (lib/search-request.ts searchInPanel), or where none opens in
 * a tab beside. A selection of whitespace alone does nothing.
 */
export async function searchSelection(
  info: { menuItemId: string | number; selectionText?: string },
  tab?: { windowId?: number; index?: number },
): Promise<void> {
  const query = info.menuItemId === SEARCH_MENU_ID ? wordsQuery(info.selectionText) : undefined;
  if (!query) return;
  await searchInPanel(
    query,
    'menu',
    (url) => browser.tabs.create({ url, ...(tab?.index !== undefined && { index: tab.index + 1 }) }),
    tab?.windowId,
  );
}

export const listenForSearchMenu = (): void =>
  menus.onClicked.addListener((info, tab) => void searchSelection(info, tab));
