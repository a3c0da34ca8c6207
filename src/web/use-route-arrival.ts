import { useEffect, useRef } from 'preact/hooks';

/**
 * After moving to another page (not on the first load): once the page's heading exists (a screen may
 * load its code or data first), the tab's title names it and focus moves to it, so a screen reader
 * announces the new page and the keyboard starts from its top — unless the page has already put focus
 * inside itself (a form it opened, say).
 */
export function useRouteArrival(path: string): void {
  const firstLoad = useRef(true);
  useEffect(() => {
    const arriving = !firstLoad.current;
    firstLoad.current = false;
    const arrive = (): boolean => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return false;
      document.title = `${heading.textContent ?? ''} — Painwise`;
      if (arriving && !document.querySelector('main')?.contains(document.activeElement)) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (arrive()) return undefined;
    const watch = new MutationObserver(() => {
      if (arrive()) watch.disconnect();
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(() => watch.disconnect(), 10_000);
    return () => {
      watch.disconnect();
      clearTimeout(giveUp);
    };
  }, [path]);
}
