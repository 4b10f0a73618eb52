import { render } from 'preact';
import { revealApp } from '@/components/popup-snapshot';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';

const start = () => render(<App />, document.getElementById('app')!);

// With a snapshot on screen, let it paint before the app (and the worker it wakes) competes for the CPU.
if (document.getElementById('snapshot')?.hasChildNodes()) requestAnimationFrame(() => setTimeout(start));
else start();

// Whatever happens, the snapshot never outstays the app by long.
setTimeout(revealApp, 1_500);
