import { render } from 'preact';
import { revealApp } from '@/components/popup-snapshot';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
// Whatever happens, the snapshot never outstays the app by long.
setTimeout(revealApp, 1_500);
