import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The element's rendered width and the root font size, in CSS pixels: the chart draws one unit to one
 * pixel, so its labels keep their CSS size on a phone instead of shrinking with a fixed viewBox.
 */
export function useRenderedSize(ref: RefObject<HTMLElement | null>, mounted: boolean): { width: number; rem: number } {
  const [size, setSize] = useState({ width: 600, rem: 16 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = Math.round(el.getBoundingClientRect().width);
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      if (width > 0) setSize((s) => (s.width === width && s.rem === rem ? s : { width, rem }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [mounted]);
  return size;
}
