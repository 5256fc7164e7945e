import { useEffect, useState } from 'react';

/**
 * The current height of an element, kept up to date as the window resizes. Returns a callback
 * ref, so measuring starts whenever the element mounts (also after a loading state).
 */
export function useElementHeight(fallback = 400): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(fallback);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.max(200, Math.floor(entry.contentRect.height)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, height];
}
