import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Smallest text scale presenter slides may use: below it, the room cannot read the slide. */
const MIN_SCALE = 0.85;

/**
 * Shrinks a slide's text (the CSS variable --fit) in steps until it fits its box, so nothing the
 * team needs is cut off or hidden behind a scroll bar; at the floor the slide itself scrolls.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, deps: readonly unknown[]): number {
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => setScale(1), deps);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const overflows = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    if (overflows && scale > MIN_SCALE)
      setScale((s) => Math.max(MIN_SCALE, Math.round((s - 0.05) * 100) / 100));
  });
  useLayoutEffect(() => {
    const onResize = (): void => setScale(1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}
