// The table body's height so the page never scrolls as a whole: from the table's top to the window's
// bottom, less its header and the content padding. Recomputed on window resize and whenever something
// above the table (notices, the fleet toolbar, an import result) changes its height.
import { useEffect, useState, type RefObject } from 'react';

const BOTTOM_GAP = 12; // .app-content's bottom padding
const MIN_BODY = 160;

export function useFitHeight(wrapper: RefObject<HTMLElement | null>, above: RefObject<HTMLElement | null>) {
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const measure = () => {
      const el = wrapper.current;
      if (!el) return;
      const header = el.querySelector('.ant-table-header') as HTMLElement | null;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const h = Math.floor(window.innerHeight - top - (header?.offsetHeight ?? 39) - BOTTOM_GAP);
      setHeight(Math.max(MIN_BODY, h));
    };
    measure();
    const ro = new ResizeObserver(measure);
    if (above.current) ro.observe(above.current);
    ro.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [wrapper, above]);
  return height;
}
