import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// vitest runs without globals, so testing-library's automatic cleanup is not registered by itself
afterEach(() => {
  cleanup();
  localStorage.clear();
});

// jsdom has no layout, so no ResizeObserver: a stub that never fires lets components that size themselves
// (the map, charts) mount and fall back to their defaults
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}
