import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeEvent } from './fake-event';

/**
 * The fake browser has no context menus, address bar or side panel. These keep what the background made
 * of them and fire their events; the side panel refuses to open, as Chrome's does outside a user's action
 * (which is all a test can offer).
 */
export const menuItems: unknown[] = [];
export const addressBar = { defaultSuggestion: undefined as unknown };
export const fire = {} as {
  menuClicked: (info: { menuItemId: string; selectionText?: string }, tab?: object) => void;
  inputChanged: (text: string, suggest: (suggestions: unknown[]) => void) => void;
  inputEntered: (text: string, disposition: string) => void;
};

// The fakes' types also carry Chrome's callback overloads, which return void; ours are the promise forms.
/* eslint-disable @typescript-eslint/no-misused-promises -- see above */
beforeEach(() => {
  menuItems.length = 0;
  addressBar.defaultSuggestion = undefined;
  const { contextMenus, omnibox, sidePanel } = fakeBrowser;
  vi.spyOn(contextMenus, 'removeAll').mockImplementation(async () => void (menuItems.length = 0));
  vi.spyOn(contextMenus, 'create').mockImplementation((item) => {
    menuItems.push(item);
    return item.id!;
  });
  fire.menuClicked = fakeEvent(contextMenus.onClicked);
  vi.spyOn(omnibox, 'setDefaultSuggestion').mockImplementation(async (suggestion) => {
    addressBar.defaultSuggestion = suggestion;
  });
  fire.inputChanged = fakeEvent(omnibox.onInputChanged);
  fire.inputEntered = fakeEvent(omnibox.onInputEntered);
  fakeEvent(omnibox.onInputCancelled);
  vi.spyOn(sidePanel, 'open').mockRejectedValue(
    new Error('`sidePanel.open()` may only be called in response to a user gesture.'),
  );
});
/* eslint-enable @typescript-eslint/no-misused-promises -- the fakes end here */
