import { render } from 'preact';
import { App, load } from './App.tsx';
import { choicesOnPage } from './boot/early-answers.ts';
import { tokenFromPath } from './boot/survey-link.ts';
import { startSender } from './sending/sender.ts';
import { pruneDelivered } from './storage/outbox.ts';

/**
 * Where the server drew the first screen into the page, it stays (and takes taps) until the app
 * has the survey and the phone's draft; the app then draws the same screen with the choices
 * already made, the focus and the scroll where they were.
 */
async function start(container: HTMLElement) {
  if (!container.querySelector('form.screen')) {
    render(<App />, container);
    return;
  }
  const loaded = await load(tokenFromPath(location.pathname));
  const choices = choicesOnPage(container);
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && container.contains(active) ? { name: active.name, value: active.value } : undefined;
  const scroll = window.scrollY;
  container.textContent = '';
  render(<App initial={{ ...loaded, choices }} />, container);
  window.scrollTo(0, scroll);
  if (focused) {
    [...container.querySelectorAll<HTMLInputElement>('input')]
      .find((i) => i.name === focused.name && i.value === focused.value)
      ?.focus({ preventScroll: true });
  }
}

void start(document.getElementById('app')!);

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
