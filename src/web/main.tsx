import { render } from 'preact';
import { App } from './app.tsx';
import { setLocale } from './i18n/index.ts';
import './design/styles.css';
import './design/navigation.css';

setLocale(navigator.language || 'en');
const root = document.getElementById('app')!;
root.textContent = ''; // the static placeholder that painted before the script ran
render(<App />, root);

// Service workers need a secure context (https or localhost); elsewhere the app simply runs online.
// Registration waits until a few seconds after load: the worker only helps later visits and offline
// use, so it should not compete with the first screen on a slow phone.
const SERVICE_WORKER_DELAY_MS = 5000;
if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => {
    setTimeout(() => {
      void navigator.serviceWorker.register('/sw.js');
    }, SERVICE_WORKER_DELAY_MS);
  });
}
