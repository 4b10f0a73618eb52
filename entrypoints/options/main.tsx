import { i18n } from '#i18n';
import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { App } from './App';

// The tab's title in the UI language too (the HTML's is the English fallback).
document.title = i18n.t('options.title');
render(<App />, document.getElementById('app')!);
