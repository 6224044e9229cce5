/**
 * Applying a WritePlan (cells computed by the domain: a filled statistics template, an allocation sheet) to the
 * open workbook all or nothing: what the cells held before is read first; the writes go in blocks (null for the
 * cells in between, which Excel leaves unchanged); if any round trip fails, the new sheets are deleted and the
 * cells restored, and the error says so. `undoWritePlan` reverses an applied plan later, leaving alone any cell
 * the clerk has changed since.
 */
import { CellWrite, WritePlan } from '../../domain/workbook/cell-writes';
import { Message } from '../../domain/common/problem';
import { columnLetter } from '../../domain/workbook/sheet-grid';
import { AdapterError, describeError, excelCode } from './adapter-error';
import { literalText } from './excel-text';
import { jsonSize } from './read-sheets';

export interface WritePlanOptions {
  /** Write strings starting with "=" as formulas (default false: every string is written as literal text). */
  allowFormulas?: boolean;
  /** Most bytes of cell data per round trip (default 3,000,000). */
  maxBytesPerSync?: number;
  /** Most cells of one block (default 20,000). */
  maxCellsPerBlock?: number;
}

/** What a cell held: as Excel reports values, formulas and the number format. */
export interface CellSnapshot {
  value: unknown;
  formula: unknown;
  numberFormat: unknown;
}

export interface AppliedCell {
  sheet: string;
  /** Excel's 1-based row and column. */
  row: number;
  column: number;
  before: CellSnapshot;
  /** The value Excel held right after the write (to notice later edits). */
  after: unknown;
}

export interface AppliedWritePlan {
  /** Sheets the plan created (undo deletes them). */
  createdSheets: string[];
  /** Cells written on sheets that already existed. */
  cells: AppliedCell[];
}

export interface UndoReport {
  restored: number;
  deletedSheets: string[];
  /** Cells changed by someone since the plan was applied: left as they are. */
  keptEdited: { sheet: string; row: number; column: number }[];
}

interface Block {
  sheet: string;
  /** 0-based. */
  r0: number;
  c0: number;
  rows: number;
  columns: number;
  writes: CellWrite[];
}

/** Groups writes into rectangles of bounded size, sheet by sheet, in row order. */
export function blocksOf(writes: CellWrite[], maxCells: number): Block[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  const blocks: Block[] = [];
  for (const [sheet, list] of bySheet) {
    const sorted = [...list].sort((a, b) => a.row - b.row || a.column - b.column);
    let cur: { r0: number; r1: number; c0: number; c1: number; writes: CellWrite[] } | null = null;
    const flush = () => {
      if (cur) blocks.push({ sheet, r0: cur.r0 - 1, c0: cur.c0 - 1, rows: cur.r1 - cur.r0 + 1, columns: cur.c1 - cur.c0 + 1, writes: cur.writes });
    };
    for (const w of sorted) {
      if (cur) {
        const r0 = Math.min(cur.r0, w.row), r1 = Math.max(cur.r1, w.row), c0 = Math.min(cur.c0, w.column), c1 = Math.max(cur.c1, w.column);
        if ((r1 - r0 + 1) * (c1 - c0 + 1) <= maxCells) {
          cur = { r0, r1, c0, c1, writes: [...cur.writes, w] };
          continue;
        }
        flush();
      }
      cur = { r0: w.row, r1: w.row, c0: w.column, c1: w.column, writes: [w] };
    }
    flush();
  }
  return blocks;
}

function emptyMatrix(rows: number, columns: number): unknown[][] {
  return Array.from({ length: rows }, () => new Array<unknown>(columns).fill(null));
}

/** What to write through `range.formulas` so the cell holds the plan's value. */
function inputFor(value: CellWrite['value'], allowFormulas: boolean): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  if (allowFormulas && value.startsWith('=')) return value;
  return literalText(value);
}

/** What to write to put back a cell's earlier content exactly (formula, literal text, number, or empty). */
export function restoreInput(before: CellSnapshot): string | number | boolean {
  const { value, formula } = before;
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return formula;
  if (typeof formula === 'string' && formula.startsWith("'")) return formula;
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'string') return literalText(value);
  return value as number | boolean;
}

function plural(n: number, zh: string, en: string): Message {
  return { zh: `${n} ${zh}`, en: `${n} ${en}` };
}

/** Applies the plan all or nothing; returns what is needed to undo it. */
export async function applyWritePlan(context: Excel.RequestContext, plan: WritePlan, options: WritePlanOptions = {}): Promise<AppliedWritePlan> {
  const allowFormulas = options.allowFormulas ?? false;
  const maxBytes = options.maxBytesPerSync ?? 3_000_000;
  const maxCells = options.maxCellsPerBlock ?? 20_000;
  for (const w of plan.writes) {
    if (!(Number.isInteger(w.row) && w.row >= 1 && Number.isInteger(w.column) && w.column >= 1)) {
      throw new AdapterError({
        zh: `写入计划有误：工作表“${w.sheet}”的单元格位置（行 ${w.row}，列 ${w.column}）无效。没有写入任何内容。`,
        en: `The write plan is wrong: the cell position (row ${w.row}, column ${w.column}) on sheet "${w.sheet}" is not valid. Nothing was written.`,
      }, 'InvalidPlan');
    }
  }
  const newSheets = new Set(plan.newSheets);
  const worksheets = context.workbook.worksheets;

  // 1. Check the sheets and read what the cells hold now.
  const newChecks = plan.newSheets.map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
  const existingNames = [...new Set(plan.writes.map((w) => w.sheet).filter((s) => !newSheets.has(s)))];
  const existingChecks = existingNames.map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load('protection/protected');
    return { name, sheet };
  });
  await syncOrRefuse(context);
  for (const { name, sheet } of newChecks) {
    if (!sheet.isNullObject) {
      throw new AdapterError({
        zh: `工作簿中已有名为“${name}”的工作表。为免覆盖，没有写入任何内容。请把该工作表改名或删除后重试。`,
        en: `The workbook already has a sheet named "${name}". To avoid overwriting it, nothing was written. Rename or delete that sheet and try again.`,
      }, 'ItemAlreadyExists');
    }
  }
  for (const { name, sheet } of existingChecks) {
    if (sheet.isNullObject) {
      throw new AdapterError({
        zh: `找不到要写入的工作表“${name}”（可能已改名或删除）。没有写入任何内容。`,
        en: `The sheet "${name}" to write to was not found (renamed or deleted?). Nothing was written.`,
      }, 'ItemNotFound');
    }
    if (sheet.protection.protected) {
      throw new AdapterError({
        zh: `工作表“${name}”受保护，无法写入。请在“审阅”中撤销工作表保护后重试。没有写入任何内容。`,
        en: `The sheet "${name}" is protected and cannot be written to. Unprotect it (Review tab) and try again. Nothing was written.`,
      }, 'AccessDenied');
    }
  }

  const blocks = blocksOf(plan.writes, maxCells);
  const oldBlocks = blocks.filter((b) => !newSheets.has(b.sheet));
  const before = new Map<Block, { values: unknown[][]; formulas: unknown[][]; formats: unknown[][] }>();
  await inSyncs(context, oldBlocks, (b) => b.rows * b.columns * 40, maxBytes, (b) => {
    const range = worksheets.getItem(b.sheet).getRangeByIndexes(b.r0, b.c0, b.rows, b.columns);
    range.load('values,formulas,numberFormat');
    return () => before.set(b, { values: range.values, formulas: range.formulas, formats: range.numberFormat });
  }).catch((error) => { throw refuse(error); });

  const applied: AppliedWritePlan = { createdSheets: [], cells: [] };
  for (const b of oldBlocks) {
    const snap = before.get(b) as { values: unknown[][]; formulas: unknown[][]; formats: unknown[][] };
    for (const w of b.writes) {
      const i = w.row - 1 - b.r0;
      const j = w.column - 1 - b.c0;
      applied.cells.push({
        sheet: w.sheet, row: w.row, column: w.column,
        before: { value: snap.values[i][j], formula: snap.formulas[i][j], numberFormat: snap.formats[i][j] },
        after: undefined,
      });
    }
  }

  // 2. Write: new sheets first, then blocks, a few per round trip.
  try {
    for (const name of plan.newSheets) worksheets.add(name);
    applied.createdSheets = [...plan.newSheets];
    const matrices = new Map<Block, unknown[][]>();
    for (const b of blocks) {
      const m = emptyMatrix(b.rows, b.columns);
      for (const w of b.writes) m[w.row - 1 - b.r0][w.column - 1 - b.c0] = inputFor(w.value, allowFormulas);
      matrices.set(b, m);
    }
    await inSyncs(context, blocks, (b) => jsonSize(matrices.get(b)), maxBytes, (b) => {
      worksheets.getItem(b.sheet).getRangeByIndexes(b.r0, b.c0, b.rows, b.columns).formulas = matrices.get(b) as string[][];
      return () => undefined;
    }, plan.newSheets.length > 0);
    // 3. What the cells hold now, to tell later edits from ours at undo.
    const afterValues = new Map<string, unknown>();
    await inSyncs(context, oldBlocks, (b) => b.rows * b.columns * 20, maxBytes, (b) => {
      const range = worksheets.getItem(b.sheet).getRangeByIndexes(b.r0, b.c0, b.rows, b.columns);
      range.load('values');
      return () => {
        for (const w of b.writes) afterValues.set(key(w.sheet, w.row, w.column), range.values[w.row - 1 - b.r0][w.column - 1 - b.c0]);
      };
    });
    for (const c of applied.cells) c.after = afterValues.get(key(c.sheet, c.row, c.column));
  } catch (error) {
    let undone = true;
    try {
      await restore(context, applied, maxBytes, maxCells, false);
    } catch {
      undone = false;
    }
    const count = plural(plan.writes.length, '个单元格', 'cells');
    throw new AdapterError(undone
      ? {
          zh: `写入未能完成（${describeError(error)}）。已撤销已写入的部分（计划 ${count.zh}），工作簿恢复原样。请重试。`,
          en: `The write could not be completed (${describeError(error)}). What had been written was undone (plan of ${count.en}); the workbook is as it was. Try again.`,
        }
      : {
          zh: `写入未能完成（${describeError(error)}），撤销也未能全部完成。请检查工作表 ${[...new Set(plan.writes.map((w) => w.sheet))].join('、')}，必要时用 Excel 的“撤销”恢复。`,
          en: `The write could not be completed (${describeError(error)}) and undoing it did not fully succeed either. Check the sheets ${[...new Set(plan.writes.map((w) => w.sheet))].join(', ')} and use Excel's Undo if needed.`,
        }, excelCode(error) ?? 'WriteFailed', error);
  }
  return applied;
}

function key(sheet: string, row: number, column: number): string {
  return `${sheet}\u0000${row}\u0000${column}`;
}

/** Reverses an applied plan: deletes the sheets it created, restores the cells nobody has changed since. */
export async function undoWritePlan(context: Excel.RequestContext, applied: AppliedWritePlan, options: WritePlanOptions = {}): Promise<UndoReport> {
  try {
    return await restore(context, applied, options.maxBytesPerSync ?? 3_000_000, options.maxCellsPerBlock ?? 20_000, true);
  } catch (error) {
    throw new AdapterError({
      zh: `撤销写入失败：${describeError(error)}。请检查相关工作表，必要时用 Excel 的“撤销”恢复。`,
      en: `Undoing the write failed: ${describeError(error)}. Check the sheets concerned and use Excel's Undo if needed.`,
    }, excelCode(error) ?? 'UndoFailed', error);
  }
}

async function restore(context: Excel.RequestContext, applied: AppliedWritePlan, maxBytes: number, maxCells: number, checkEdits: boolean): Promise<UndoReport> {
  const report: UndoReport = { restored: 0, deletedSheets: [], keptEdited: [] };
  const worksheets = context.workbook.worksheets;
  const created = applied.createdSheets.map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
  await context.sync();
  for (const { name, sheet } of created) {
    if (sheet.isNullObject) continue;
    sheet.delete();
    report.deletedSheets.push(name);
  }
  if (report.deletedSheets.length) await context.sync();

  const byKey = new Map(applied.cells.map((c) => [key(c.sheet, c.row, c.column), c]));
  const asWrites: CellWrite[] = applied.cells.map((c) => ({ sheet: c.sheet, row: c.row, column: c.column, value: null, previous: null }));
  const blocks = blocksOf(asWrites, maxCells);
  let toRestore = blocks.map((b) => ({ b, writes: b.writes }));
  if (checkEdits) {
    const current = new Map<string, unknown>();
    await inSyncs(context, blocks, (b) => b.rows * b.columns * 20, maxBytes, (b) => {
      const range = worksheets.getItem(b.sheet).getRangeByIndexes(b.r0, b.c0, b.rows, b.columns);
      range.load('values');
      return () => {
        for (const w of b.writes) current.set(key(w.sheet, w.row, w.column), range.values[w.row - 1 - b.r0][w.column - 1 - b.c0]);
      };
    });
    toRestore = blocks.map((b) => ({
      b,
      writes: b.writes.filter((w) => {
        const k = key(w.sheet, w.row, w.column);
        const same = current.get(k) === (byKey.get(k) as AppliedCell).after;
        if (!same) report.keptEdited.push({ sheet: w.sheet, row: w.row, column: w.column });
        return same;
      }),
    }));
  }
  await inSyncs(context, toRestore.filter((x) => x.writes.length), (x) => x.b.rows * x.b.columns * 30, maxBytes, ({ b, writes }) => {
    const values = emptyMatrix(b.rows, b.columns);
    const formats = emptyMatrix(b.rows, b.columns);
    for (const w of writes) {
      const c = byKey.get(key(w.sheet, w.row, w.column)) as AppliedCell;
      values[w.row - 1 - b.r0][w.column - 1 - b.c0] = restoreInput(c.before);
      formats[w.row - 1 - b.r0][w.column - 1 - b.c0] = typeof c.before.numberFormat === 'string' ? c.before.numberFormat : null;
    }
    const range = worksheets.getItem(b.sheet).getRangeByIndexes(b.r0, b.c0, b.rows, b.columns);
    range.formulas = values as string[][];
    range.numberFormat = formats as string[][];
    report.restored += writes.length;
    return () => undefined;
  });
  return report;
}

/**
 * Queues work item by item and syncs whenever the next item would push the round trip past `maxBytes`; after
 * each sync runs the items' callbacks. With `forceSync`, syncs once even when there is nothing to queue.
 */
async function inSyncs<T>(
  context: Excel.RequestContext,
  items: T[],
  size: (item: T) => number,
  maxBytes: number,
  queue: (item: T) => () => void,
  forceSync = false,
): Promise<void> {
  let pending: (() => void)[] = [];
  let bytes = 0;
  for (const item of items) {
    const s = size(item);
    if (pending.length && bytes + s > maxBytes) {
      await context.sync();
      pending.forEach((f) => f());
      pending = [];
      bytes = 0;
    }
    pending.push(queue(item));
    bytes += s;
  }
  if (pending.length || forceSync) {
    await context.sync();
    pending.forEach((f) => f());
  }
}

async function syncOrRefuse(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw refuse(error);
  }
}

function refuse(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  return new AdapterError({
    zh: `准备写入时读取工作簿失败：${describeError(error)}。没有写入任何内容。`,
    en: `Reading the workbook before writing failed: ${describeError(error)}. Nothing was written.`,
  }, excelCode(error) ?? 'WriteFailed', error);
}

/** "Sheet!B3" for messages. */
export function cellName(sheet: string, row: number, column: number): string {
  return `${sheet}!${columnLetter(column)}${row}`;
}
