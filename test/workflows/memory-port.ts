/**
 * An in-memory WorkbookPort for tests of the workflows and the task pane: sheets of plain values, flags kept
 * beside the values (so tests can check values never change), settings, a selection, charts and write plans.
 * A sheet may be protected (its cells are then never flagged, as in Excel), filtered, hold tables, hidden rows or
 * merged areas; listSheets reports them through the office adapter's own guards.
 */
import { checkSheet } from '../../src/adapters/office/guards';
import { CellRef, Finding } from '../../src/domain/common/finding';
import { CellValue, MergedArea, SheetGrid } from '../../src/domain/workbook/sheet-grid';
import { WritePlan } from '../../src/domain/workbook/cell-writes';
import {
  ChartSpec, ClerkSettings, FlagOutcome, Language, ReadOptions, SheetInfo, UndoneWrites, WorkbookPort, WrittenCells,
} from '../../src/workflows/workbook-port';
import { SheetSpec } from '../../src/domain/summary/standard-sheet';

export interface MemorySheet {
  name: string;
  rows: CellValue[][];
  visible?: boolean;
  protected?: boolean;
  filtered?: boolean;
  tables?: string[];
  /** Excel row numbers. */
  hiddenRows?: number[];
  merges?: MergedArea[];
}

export class MemoryWorkbook implements WorkbookPort {
  sheets: MemorySheet[];
  settings: ClerkSettings = {};
  flags = new Map<string, string>();
  selection: CellRef | null = null;
  charts: ChartSpec[] = [];
  calls: string[] = [];
  /** Delay (ms) of each read, to test cancel while reading. */
  readDelay = 0;

  constructor(sheets: MemorySheet[], readonly name = 'book.xlsx') {
    this.sheets = sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  }

  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw Object.assign(new Error(`No sheet ${name}`), { code: 'ItemNotFound' });
    return s;
  }

  async workbookName() { return this.name; }

  async listSheets(): Promise<SheetInfo[]> {
    this.calls.push('listSheets');
    return this.sheets.map((s) => {
      const rowCount = s.rows.length;
      const columnCount = rowCount ? Math.max(0, ...s.rows.map((r) => r.length)) : 0;
      const problems = checkSheet({
        name: s.name, position: 0, visibility: s.visible === false ? 'Hidden' : 'Visible', protected: !!s.protected,
        startRow: 1, startColumn: 1, rowCount, columnCount, tables: s.tables ?? [], filtered: !!s.filtered,
      }).map((p) => ({ sheet: s.name, code: p.code, severity: p.severity, message: p.message }));
      return {
        name: s.name, rowCount, columnCount, visible: s.visible !== false, protected: !!s.protected,
        filtered: !!s.filtered, tables: [...(s.tables ?? [])], problems,
      };
    });
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetGrid> {
    this.calls.push(`readSheet:${name}${options.maxRows ? `:${options.maxRows}` : ''}`);
    if (this.readDelay > 0) await new Promise((r) => setTimeout(r, this.readDelay));
    const s = this.sheet(name);
    const rows = (options.maxRows ? s.rows.slice(0, options.maxRows) : s.rows).map((r) => [...r]);
    options.onProgress?.(rows.length, rows.length);
    return {
      workbook: this.name, sheet: name, startRow: 1, startColumn: 1, rows,
      hiddenRows: [...(s.hiddenRows ?? [])], merges: [...(s.merges ?? [])],
    };
  }

  private isProtected(sheet: string): boolean {
    return !!this.sheets.find((s) => s.name === sheet)?.protected;
  }

  async flagFindings(findings: Finding[]): Promise<FlagOutcome> {
    this.calls.push('flagFindings');
    // Flags on protected sheets stay (they cannot be removed); every other flag is replaced.
    for (const key of [...this.flags.keys()]) if (!this.isProtected(key.slice(0, key.lastIndexOf('!')))) this.flags.delete(key);
    const skipped = new Set<string>();
    for (const f of findings) {
      if (this.isProtected(f.sheet)) {
        skipped.add(f.sheet);
        continue;
      }
      this.flags.set(`${f.sheet}!${f.column ?? 'A'}${f.row}`, f.severity);
    }
    return {
      skipped: [...skipped].map((sheet) => ({
        sheet, reason: { zh: `工作表“${sheet}”受保护，无法标记。`, en: `The sheet "${sheet}" is protected, so it was not flagged.` },
      })),
    };
  }

  async clearFlags(): Promise<FlagOutcome> {
    this.calls.push('clearFlags');
    const skipped = new Set<string>();
    for (const key of [...this.flags.keys()]) {
      const sheet = key.slice(0, key.lastIndexOf('!'));
      if (this.isProtected(sheet)) skipped.add(sheet);
      else this.flags.delete(key);
    }
    return {
      skipped: [...skipped].map((sheet) => ({
        sheet, reason: { zh: `工作表“${sheet}”受保护，无法清除标记。`, en: `The sheet "${sheet}" is protected, so its flags were not cleared.` },
      })),
    };
  }

  async writeFindingsSheet(findings: Finding[], language: Language) {
    this.calls.push('writeFindingsSheet');
    const rows: CellValue[][] = [['序号', '代码', '级别', '工作表', '行', '列', '说明']];
    findings.forEach((f, i) => rows.push([i + 1, f.code, f.severity, f.sheet, f.row, f.column ?? null, f.message[language]]));
    const existing = this.sheets.find((s) => s.name === '校验结果');
    if (existing) existing.rows = rows;
    else this.sheets.push({ name: '校验结果', rows });
    return '校验结果';
  }

  async selectCell(ref: CellRef) {
    this.calls.push('selectCell');
    this.sheet(ref.sheet);
    this.selection = ref;
  }

  async loadSettings() { return JSON.parse(JSON.stringify(this.settings)) as ClerkSettings; }

  async saveSettings(settings: ClerkSettings) {
    this.calls.push('saveSettings');
    this.settings = JSON.parse(JSON.stringify(settings));
  }

  async applyWritePlan(plan: WritePlan) {
    this.calls.push('applyWritePlan');
    for (const name of plan.newSheets) {
      if (this.sheets.some((s) => s.name === name)) throw new Error(`Sheet ${name} exists`);
      this.sheets.push({ name, rows: [] });
    }
    for (const w of plan.writes) {
      const s = this.sheet(w.sheet);
      while (s.rows.length < w.row) s.rows.push([]);
      const row = s.rows[w.row - 1];
      while (row.length < w.column) row.push(null);
      row[w.column - 1] = w.value;
    }
  }

  async deleteSheet(name: string) {
    this.calls.push(`deleteSheet:${name}`);
    this.sheets = this.sheets.filter((s) => s.name !== name);
  }

  async addChart(spec: ChartSpec) {
    this.calls.push('addChart');
    this.charts.push(spec);
  }

  async applyUndoableWritePlan(plan: WritePlan): Promise<WrittenCells> {
    const cells = plan.writes.filter((w) => !plan.newSheets.includes(w.sheet)).map((w) => ({
      sheet: w.sheet, row: w.row, column: w.column,
      before: { value: this.value(w.sheet, w.row, w.column) ?? '', formula: this.value(w.sheet, w.row, w.column) ?? '', numberFormat: 'General' },
      after: w.value ?? '',
    }));
    await this.applyWritePlan(plan);
    return { createdSheets: [...plan.newSheets], cells };
  }

  async undoWrites(written: WrittenCells): Promise<UndoneWrites> {
    this.calls.push('undoWrites');
    const report: UndoneWrites = { restored: 0, deletedSheets: [], keptEdited: [] };
    for (const name of written.createdSheets) {
      if (!this.sheets.some((s) => s.name === name)) continue;
      await this.deleteSheet(name);
      report.deletedSheets.push(name);
    }
    for (const c of [...written.cells].reverse()) {
      const now = this.value(c.sheet, c.row, c.column) ?? '';
      if (now !== c.after) {
        report.keptEdited.push({ sheet: c.sheet, row: c.row, column: c.column });
        continue;
      }
      this.sheet(c.sheet).rows[c.row - 1][c.column - 1] = c.before.value === '' ? null : (c.before.value as CellValue);
      report.restored += 1;
    }
    return report;
  }

  async createSheet(spec: SheetSpec) {
    this.calls.push(`createSheet:${spec.name}`);
    if (this.sheets.some((s) => s.name === spec.name)) throw new Error(`Sheet ${spec.name} exists`);
    const rows: CellValue[][] = [];
    for (const c of spec.cells) {
      while (rows.length < c.row) rows.push([]);
      const row = rows[c.row - 1];
      while (row.length < c.column) row.push(null);
      row[c.column - 1] = c.value;
    }
    this.sheets.push({ name: spec.name, rows });
    return [];
  }

  async removeFindingsSheet() {
    this.calls.push('removeFindingsSheet');
    const had = this.sheets.some((s) => s.name === '校验结果');
    this.sheets = this.sheets.filter((s) => s.name !== '校验结果');
    return had ? '校验结果' : null;
  }

  /** The value at an Excel row and column of a sheet. */
  value(sheet: string, row: number, column: number): CellValue {
    return this.sheet(sheet).rows[row - 1]?.[column - 1] ?? null;
  }
}
