import { ScrollArea, Table } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

// A box that scrolls must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable):
// while its content overflows it is a named Tab stop, so arrow keys scroll it; when everything
// fits it is no stop at all.

/** The scroll viewport's ref, and whether its content is larger than it. */
function useOverflow() {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const viewport = ref.current;
    if (!viewport) return;
    const check = () =>
      setOverflows(
        viewport.scrollWidth > viewport.clientWidth + 1 || viewport.scrollHeight > viewport.clientHeight + 1,
      );
    check();
    const observer = new ResizeObserver(check);
    observer.observe(viewport);
    for (const child of viewport.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  const focusable = overflows ? { tabIndex: 0, className: 'mantine-focus-auto' } : {};
  return { ref, overflows, focusable };
}

type RegionProps = {
  /** What the region holds, read when it takes focus ("Rendered body", "Attempts"). */
  label: string;
  /** Its height before it scrolls. */
  mah: number;
  children: ReactNode;
};

/** A named block of content up to `mah` tall that scrolls inside, reachable by keyboard when it does. */
export function ScrollRegion({ label, mah, children }: RegionProps) {
  const { ref, focusable } = useOverflow();
  return (
    <ScrollArea.Autosize
      mah={mah}
      viewportRef={ref}
      viewportProps={{ ...focusable, role: 'region', 'aria-label': label }}
    >
      {children}
    </ScrollArea.Autosize>
  );
}

type TableProps = {
  /** The table's name, for the scroll region too. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
};

/** Table.ScrollContainer that a keyboard can scroll when the table is wider than the screen. */
export function TableScrollRegion({ label, minWidth, children }: TableProps) {
  const { ref, overflows, focusable } = useOverflow();
  // The table names itself; the scroller is a named region only while it is a Tab stop.
  const region = overflows ? { role: 'region', 'aria-label': label } : {};
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ viewportRef: ref, viewportProps: { ...focusable, ...region } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
