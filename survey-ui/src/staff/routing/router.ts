/**
 * Client-side navigation inside /staff: the address bar is the state, so reloading or sharing a
 * screen's URL opens the same screen, and the browser's back button works.
 */
import { useEffect, useState } from 'preact/hooks';

const CHANGE = 'sipas:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  dispatchEvent(new Event(CHANGE));
}

/** The current path and query, re-rendering the caller when they change. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const update = () => setVersion((v) => v + 1);
    addEventListener('popstate', update);
    addEventListener(CHANGE, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(CHANGE, update);
    };
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}
