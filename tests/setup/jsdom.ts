import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// vitest runs without globals, so testing-library's automatic cleanup is not registered by itself
afterEach(() => {
  cleanup();
  localStorage.clear();
});
