import { i18n } from '#i18n';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './welcome.css';
import { Welcome } from './Welcome';

document.title = i18n.t('welcome.title');
document.documentElement.lang = browser.i18n.getUILanguage();
render(<Welcome />, document.getElementById('app')!);
