import { render } from 'preact';
import { App } from './App.tsx';
import { startSender } from './sending/sender.ts';
import { pruneDelivered } from './storage/outbox.ts';
import './survey.css';

render(<App />, document.getElementById('app')!);

const DAY = 24 * 60 * 60 * 1000;

// After the first screen: send what earlier visits left in the outbox, and install the service
// worker that keeps the survey working offline (browsers allow it on HTTPS and localhost only).
addEventListener('load', () => {
  startSender();
  void pruneDelivered(Date.now(), DAY).catch(() => undefined);
  if ('serviceWorker' in navigator) {
    void navigator.serviceWorker.register('/survey-sw.js', { scope: '/s/' }).catch(() => undefined);
  }
});
