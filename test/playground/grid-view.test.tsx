/** @jest-environment jsdom */
/** The playground's grid: tabs per sheet, cells by address, highlights, selection followed across sheets. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { GridView } from '../../src/playground/GridView';
import { GridCell, GridSelection, GridSource } from '../../src/playground/grid-source';

class TestSource implements GridSource {
  listeners = new Set<() => void>();
  sel: GridSelection | null = null;
  active = '甲';
  fills = new Map<string, string>();
  constructor(readonly sheets: Record<string, string[][]>) {}
  sheetNames() { return Object.keys(this.sheets); }
  size(sheet: string) { const rows = this.sheets[sheet]; return { rows: rows.length, columns: Math.max(...rows.map((r) => r.length)) }; }
  cell(sheet: string, row: number, column: number): GridCell | null {
    const text = this.sheets[sheet][row - 1]?.[column - 1];
    return text === undefined ? null : { text, fill: this.fills.get(`${sheet}!${row}:${column}`) };
  }
  activeSheet() { return this.active; }
  selection() { return this.sel; }
  subscribe(l: () => void) { this.listeners.add(l); return () => { this.listeners.delete(l); }; }
  change() { for (const l of this.listeners) l(); }
}

function renderGrid(source: GridSource) {
  render(<FluentProvider theme={webLightTheme}><GridView source={source} /></FluentProvider>);
}

describe('GridView', () => {
  const big = Array.from({ length: 500 }, (_, i) => [`r${i + 1}`, `x${i + 1}`]);

  it('shows the active sheet\'s cells by address, at most 200 rows', () => {
    renderGrid(new TestSource({ 甲: big, 乙: [['b1']] }));
    expect(screen.getByTestId('grid-cell-A1').textContent).toBe('r1');
    expect(screen.getByTestId('grid-cell-B200').textContent).toBe('x200');
    expect(screen.queryByTestId('grid-cell-A201')).toBeNull();
    fireEvent.click(screen.getByTestId('grid-tab-乙'));
    expect(screen.getByTestId('grid-cell-A1').textContent).toBe('b1');
  });

  it('shows highlights and follows the selection to another sheet and far rows', () => {
    const source = new TestSource({ 甲: big, 乙: big.slice(0, 10) });
    renderGrid(source);
    act(() => {
      source.fills.set('乙!5:2', '#FFC7CE');
      source.sel = { sheet: '乙', startRow: 5, startColumn: 2, endRow: 5, endColumn: 2 };
      source.active = '乙';
      source.change();
    });
    expect(screen.getByTestId('playground-grid').getAttribute('data-sheet')).toBe('乙');
    const cell = screen.getByTestId('grid-cell-B5');
    expect(cell.getAttribute('data-selected')).toBe('true');
    expect(cell.getAttribute('data-fill')).toBe('#FFC7CE');
    act(() => {
      source.sel = { sheet: '甲', startRow: 450, startColumn: 1, endRow: 450, endColumn: 1 };
      source.active = '甲';
      source.change();
    });
    expect(screen.getByTestId('grid-cell-A450').getAttribute('data-selected')).toBe('true');
  });
});
