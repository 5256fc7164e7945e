import { vi } from 'vitest';

/**
 * jsdom lays nothing out and has no media queries. These stand in for what antd and the
 * virtualizer call; call them in a `beforeAll` of a jsdom test file.
 */

/** `matchMedia` that never matches (antd's responsive helpers). */
export function stubMatchMedia(): void {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: false,
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      addListener: vi.fn(),
      removeListener: vi.fn(),
    })),
  );
}

/** A `ResizeObserver` that reports nothing (antd's text areas and ellipsis, the virtualizer). */
export function stubResizeObserver(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe = vi.fn();
      unobserve = vi.fn();
      disconnect = vi.fn();
    },
  );
}
