/**
 * Undo of a summary fill: the inverse of a WritePlan (each cell back to what it held, in reverse order, and the
 * sheets the plan created to be deleted), and applying a plan to SheetGrids in memory (what the adapters do to
 * the real workbook), so that "fill then undo gives the template back exactly" can be checked anywhere.
 */
import { CellWrite, WritePlan } from '../workbook/cell-writes';
import { CellValue, SheetGrid } from '../workbook/sheet-grid';

export interface UndoPlan {
  /** Writes restoring each cell's previous content (last write undone first). */
  writes: CellWrite[];
  /** Sheets the plan created, to be deleted. */
  deleteSheets: string[];
}

/**
 * The writes and sheet deletions that take a workbook back to before `plan`. A fill only ever overwrites
 * empty cells, numbers and numeric text, so every previous content is a string, a number or empty.
 */
export function undoPlan(plan: WritePlan): UndoPlan {
  const writes = [...plan.writes].reverse().map((w): CellWrite => {
    if (w.previous instanceof Date || typeof w.previous === 'boolean') {
      throw new Error(`cannot undo a write over a ${typeof w.previous} in ${w.sheet} row ${w.row} column ${w.column}`);
    }
    return { sheet: w.sheet, row: w.row, column: w.column, value: w.previous, previous: w.value };
  });
  return { writes, deleteSheets: [...plan.newSheets] };
}

function setCell(grid: SheetGrid, row: number, column: number, value: CellValue): void {
  const r = row - grid.startRow;
  const c = column - grid.startColumn;
  if (r < 0 || c < 0) throw new Error(`cell ${row},${column} lies before the grid of ${grid.sheet}`);
  while (grid.rows.length <= r) grid.rows.push([]);
  const cells = grid.rows[r];
  while (cells.length <= c) cells.push(null);
  cells[c] = value;
}

/** A deep copy of grids with the writes applied (cells addressed by sheet name). */
export function applyWritesToGrids(grids: readonly SheetGrid[], writes: readonly CellWrite[]): SheetGrid[] {
  const copy = grids.map((g) => ({
    ...g,
    rows: g.rows.map((r) => [...r]),
    formulas: g.formulas?.map((r) => [...r]),
    merges: g.merges?.map((m) => ({ ...m })),
  }));
  for (const w of writes) {
    const grid = copy.find((g) => g.sheet === w.sheet);
    if (!grid) throw new Error(`no sheet named ${w.sheet}`);
    if (grid.formulas?.[w.row - grid.startRow]?.[w.column - grid.startColumn]) {
      throw new Error(`refusing to overwrite the formula in ${w.sheet} row ${w.row} column ${w.column}`);
    }
    setCell(grid, w.row, w.column, w.value);
  }
  return copy;
}
