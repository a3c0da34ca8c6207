// Loads a screen's (or a tab panel's) code only when it is first shown, so the first page needs only
// the app frame.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './components/ui.tsx';

function lazyWith<P extends object>(load: () => Promise<ComponentType<P>>, placeholder: () => JSX.Element): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      pending ??= load().then((c) => (loaded = c));
      void pending.then((c) => setComponent(() => c));
    }, []);
    return Component ? <Component {...props} /> : placeholder();
  };
}

/** A whole screen: while it loads, the page shows only the loading message. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyWith(load, () => <main id="main"><Loading /></main>);
}

/** A part of a screen (a tab panel): while it loads, only the loading message shows in its place. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyWith(load, () => <Loading />);
}
