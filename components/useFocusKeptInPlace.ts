import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Keeps the result that has focus where it is on screen when the list changes around it: a provider
 * answering late merges its events in, some above the one the user is on, and without this the item
 * under their keyboard would jump down. The list's own scroll box is moved by as much as the item was.
 */
export function useFocusKeptInPlace(list: RefObject<HTMLElement>, change: unknown): void {
  const before = useRef<{ item: Element; top: number }>();
  // Read while rendering, before the DOM changes; only when something in the list has focus.
  const focused = document.activeElement;
  const item = focused && list.current?.contains(focused) ? focused.closest('li') : null;
  before.current = item ? { item, top: item.getBoundingClientRect().top } : undefined;

  useLayoutEffect(() => {
    const anchor = before.current;
    const scroller = list.current?.parentElement;
    if (!anchor?.item.isConnected || !scroller) return;
    const moved = anchor.item.getBoundingClientRect().top - anchor.top;
    if (moved) scroller.scrollTop += moved;
  }, [change, list]);
}
