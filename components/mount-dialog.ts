import { render, type VNode } from 'preact';

/**
 * Renders an on-demand dialog (Details, My events) in a root of its own, outside #app, so the popup's
 * snapshot of its results never holds an open dialog; once it has closed, the root goes and `onClose` runs.
 */
export function mountDialog(dialog: (closed: () => void) => VNode, onClose: () => void): void {
  const host = document.body.appendChild(document.createElement('div'));
  const closed = () => {
    render(null, host);
    host.remove();
    onClose();
  };
  render(dialog(closed), host);
}
