import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The width in CSS pixels of the element given the returned ref, followed as it changes. A chart
 * drawn at this width (its viewBox in pixels) keeps its text at the size the stylesheet gives it,
 * instead of shrinking a wide drawing onto a phone.
 */
export function useElementWidth<T extends Element>(initial: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0].contentRect.width);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
