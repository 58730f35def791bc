import { createElement, lazy, useState, type ComponentType } from 'react';

export interface Preloadable {
  component: ComponentType;
  /** Fetches the code ahead of time. */
  load(): Promise<unknown>;
}

/**
 * A component whose code is a chunk of its own, with `load` to fetch it ahead of time. Once the code is here it
 * renders at once: a React.lazy component suspends at its first render even then, and React holds back what a
 * Suspense boundary reveals for 300 ms after showing its fallback, so code fetched in advance would still wait.
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>): Preloadable {
  let ready: ComponentType | undefined;
  const fetch = () =>
    load().then((module) => {
      ready = module.default;
      return module;
    });
  const Lazy = lazy(fetch);
  function Preloaded() {
    // Chosen once per mount: switching from the lazy wrapper to the module's own component would remount it.
    const [Component] = useState<ComponentType>(() => ready ?? Lazy);
    return createElement(Component);
  }
  return { component: Preloaded, load: fetch };
}
