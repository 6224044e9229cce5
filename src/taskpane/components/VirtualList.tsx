/**
 * A list that renders only the rows in view (plus a few either side), so 100,000 findings scroll smoothly.
 * Every row has the same height; the viewport has a fixed height. No dependency beyond React.
 */
import { CSSProperties, ReactNode, useCallback, useState } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Height of every row, in pixels. */
  itemHeight: number;
  /** Height of the scrolling viewport, in pixels. */
  height: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  renderItem: (item: T, index: number, style: CSSProperties) => ReactNode;
  itemKey?: (item: T, index: number) => string | number;
  'data-testid'?: string;
  'aria-label'?: string;
  className?: string;
}

/** The rows [start, end) to render for a scroll position. Exported for tests. */
export function visibleWindow(count: number, itemHeight: number, height: number, scrollTop: number, overscan: number): { start: number; end: number } {
  if (count === 0 || itemHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / itemHeight);
  const inView = Math.ceil(height / itemHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + inView + overscan);
  return { start, end };
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, itemHeight, height, overscan = 6, renderItem, itemKey } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback((e: React.UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const total = items.length * itemHeight;
  // Keep the scroll position inside the list when it shrinks (after filtering).
  const top = Math.min(scrollTop, Math.max(0, total - height));
  const { start, end } = visibleWindow(items.length, itemHeight, height, top, overscan);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i += 1) {
    const style: CSSProperties = { position: 'absolute', top: i * itemHeight, left: 0, right: 0, height: itemHeight, boxSizing: 'border-box' };
    rows.push(<div key={itemKey ? itemKey(items[i], i) : i} style={style} role="listitem">{renderItem(items[i], i, { height: '100%' })}</div>);
  }
  return (
    <div
      data-testid={props['data-testid']}
      aria-label={props['aria-label']}
      className={props.className}
      role="list"
      onScroll={onScroll}
      style={{ height, overflowY: 'auto', position: 'relative' }}
    >
      <div style={{ height: total, position: 'relative' }}>{rows}</div>
    </div>
  );
}
