import { render } from 'preact';
import { App } from './app.tsx';
import { setLocale } from './i18n/index.ts';
import './design/styles.css';

setLocale(navigator.language || 'en');
render(<App />, document.getElementById('app')!);

// Service workers need a secure context (https or localhost); elsewhere the app simply runs online.
if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => { void navigator.serviceWorker.register('/sw.js'); });
}
