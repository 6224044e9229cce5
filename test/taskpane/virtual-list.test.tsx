/** @jest-environment jsdom */
/** The windowing list renders only the rows in view, whatever the list's length. */
import { fireEvent, render, screen } from '@testing-library/react';
import { VirtualList, visibleWindow } from '../../src/taskpane/components/VirtualList';

describe('visibleWindow', () => {
  // 10 px rows, 100 px viewport: rows 0–10 are (partly) visible at the top, plus overscan 2 below.
  it('covers the viewport plus overscan', () => {
    expect(visibleWindow(1000, 10, 100, 0, 2)).toEqual({ start: 0, end: 13 });
    // Scrolled to 500 px: first visible row 50; 2 above, 11 in view, 2 below.
    expect(visibleWindow(1000, 10, 100, 500, 2)).toEqual({ start: 48, end: 63 });
  });
  it('stays inside the list', () => {
    expect(visibleWindow(5, 10, 100, 0, 2)).toEqual({ start: 0, end: 5 });
    expect(visibleWindow(1000, 10, 100, 99999, 2)).toEqual({ start: 997, end: 1000 });
    expect(visibleWindow(0, 10, 100, 0, 2)).toEqual({ start: 0, end: 0 });
  });
  it('always includes every row the viewport touches', () => {
    for (let top = 0; top < 3000; top += 37) {
      const { start, end } = visibleWindow(1000, 24, 200, top, 0);
      const firstTouched = Math.floor(top / 24);
      const lastTouched = Math.min(999, Math.floor((top + 200 - 1) / 24));
      expect(start).toBeLessThanOrEqual(firstTouched);
      expect(end - 1).toBeGreaterThanOrEqual(lastTouched);
    }
  });
});

describe('VirtualList', () => {
  const items = Array.from({ length: 100_000 }, (_, i) => `row ${i}`);
  it('renders a window of 100,000 items and moves it on scroll', () => {
    render(<VirtualList items={items} itemHeight={20} height={200} overscan={3} data-testid="vl" renderItem={(it) => <span>{it}</span>} />);
    const list = screen.getByTestId('vl');
    expect(screen.getAllByRole('listitem').length).toBeLessThan(30);
    expect(screen.getByText('row 0')).toBeTruthy();
    expect(screen.queryByText('row 5000')).toBeNull();
    fireEvent.scroll(list, { target: { scrollTop: 5000 * 20 } });
    expect(screen.getByText('row 5000')).toBeTruthy();
    expect(screen.queryByText('row 0')).toBeNull();
    expect(screen.getAllByRole('listitem').length).toBeLessThan(30);
    // The inner spacer keeps the full height so the scrollbar is right.
    expect((list.firstChild as HTMLElement).style.height).toBe(`${100_000 * 20}px`);
  });
});
