import { render } from 'preact';
import { revealApp } from '@/components/popup-snapshot';
import { App } from './App';

/** Renders the popup's app over the snapshot; whatever happens, the snapshot never outstays it by long. */
export function start(): void {
  render(<App />, document.getElementById('app')!);
  setTimeout(revealApp, 1_500);
}
