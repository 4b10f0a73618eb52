import { i18n } from '#i18n';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './options.css';
import { App } from './App';

// The tab's title and language are the UI's (the HTML's are the English fallback): screen readers
// pronounce the page by its lang.
document.title = i18n.t('options.title');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
