import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, expect } from 'vitest';
import { PAGES } from '../../src/renderer/src/app/pages';
import { contractViolations } from './fake-api';

// Mantine measures and watches media queries; happy-dom lacks some of the browser APIs it touches.
if (!('ResizeObserver' in globalThis)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
Element.prototype.scrollIntoView ??= () => undefined;
// ListTable's virtualiser measures its viewport to decide which rows to draw; happy-dom has no layout, so give every element a screenful.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // The fake main process holds both sides to the contract; anything it saw that the real one would refuse fails the test.
  const seen = contractViolations.splice(0);
  expect(seen).toEqual([]);
});

// Once the overview is drawn the shell fetches every page's code ahead of time: a short file must not end (and tear
// its environment down) while those fetches are still under way.
afterAll(async () => {
  await Promise.all(PAGES.map((page) => page.load()));
});
