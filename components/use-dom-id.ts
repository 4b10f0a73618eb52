import { useId } from 'preact/hooks';

/**
 * Each on-demand script (Details, My events) renders with its own copy of Preact, whose `useId` counts from
 * the same start as the popup's: in one document their ids met, and a dialog's `aria-labelledby` named
 * the popup's account line. A prefix per copy keeps them apart.
 */
const COPY = `c${Math.random().toString(36).slice(2, 7)}-`;

/** An id unique in the document, stable across renders, for `aria-labelledby` and its kin. */
export const useDomId = (): string => COPY + useId();
