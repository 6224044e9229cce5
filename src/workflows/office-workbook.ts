/**
 * The WorkbookPort on office.js: each operation is one `Excel.run` batch through the office adapter
 * (src/adapters/office). Works the same on real Excel and on the fake Excel (the playground and the tests).
 * `run` is `Excel.run` (or a wrapper of it), so this module never touches a global itself.
 */
import { CellRef, Finding } from '../domain/common/finding';
import { WritePlan } from '../domain/workbook/cell-writes';
import { columnLetter } from '../domain/workbook/sheet-grid';
import { applyWritePlan, undoWritePlan } from '../adapters/office/apply-write-plan';
import { createSpecSheet } from '../adapters/office/sheet-spec';
import { FINDINGS_RECORD_KEY } from '../adapters/office/findings-sheet';
import { SheetSpec } from '../domain/summary/standard-sheet';
import { clearFlags, flagFindings } from '../adapters/office/flags';
import { writeFindingsSheet } from '../adapters/office/findings-sheet';
import { checkSheet } from '../adapters/office/guards';
import { listSheets, readSheet, SheetSummary } from '../adapters/office/read-sheets';
import { selectCell } from '../adapters/office/select-cell';
import { loadWorkbookSettings, saveWorkbookSettings } from '../adapters/office/workbook-settings';
import { ChartSpec, ClerkSettings, FlagOutcome, Language, ReadOptions, SheetInfo, WorkbookPort, WrittenCells } from './workbook-port';

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel's chart API in the parts used here that older typings or the fake may lack. */
interface ChartSeriesApi {
  series?: { getItemAt?: (i: number) => { setXAxisValues?: (r: Excel.Range) => void } };
  legend?: { visible: boolean };
}

export function officeWorkbook(run: ExcelRunner): WorkbookPort {
  // The used ranges from the last listing, so reading a sheet right after listing saves a round trip.
  let summaries = new Map<string, SheetSummary>();
  let name: string | null = null;

  const port: WorkbookPort = {
    async workbookName() {
      if (name !== null) return name;
      name = await run(async (context) => {
        try {
          context.workbook.load('name');
          await context.sync();
          return context.workbook.name || '工作簿';
        } catch {
          return '工作簿';
        }
      });
      return name;
    },

    async listSheets(): Promise<SheetInfo[]> {
      const list = await run((context) => listSheets(context));
      summaries = new Map(list.map((s) => [s.name, s]));
      return list.map((s) => ({
        name: s.name,
        rowCount: s.rowCount === 0 ? 0 : s.startRow + s.rowCount - 1,
        columnCount: s.columnCount === 0 ? 0 : s.startColumn + s.columnCount - 1,
        visible: s.visibility === 'Visible',
        protected: s.protected,
        filtered: s.filtered,
        tables: [...s.tables],
        problems: checkSheet(s).map((p) => ({ sheet: s.name, code: p.code, severity: p.severity, message: p.message })),
      }));
    },

    async readSheet(sheet: string, options: ReadOptions = {}) {
      const workbook = await port.workbookName();
      const summary = summaries.get(sheet);
      return run((context) => readSheet(context, sheet, {
        workbook,
        summary,
        maxRows: options.maxRows,
        signal: options.signal,
        onProgress: options.onProgress,
        formulas: options.formulas,
      }));
    },

    async flagFindings(findings: Finding[]): Promise<FlagOutcome> {
      const report = await run((context) => flagFindings(context, findings));
      return { skipped: report.skipped };
    },

    async clearFlags(): Promise<FlagOutcome> {
      const report = await run((context) => clearFlags(context));
      return { skipped: report.skipped };
    },

    async writeFindingsSheet(findings: Finding[], language: Language) {
      const report = await run((context) => writeFindingsSheet(context, findings, { language }));
      return report.sheet;
    },

    async selectCell(ref: CellRef) {
      await run((context) => selectCell(context, ref));
    },

    async loadSettings() {
      return (await run((context) => loadWorkbookSettings<ClerkSettings>(context))) ?? {};
    },

    async saveSettings(settings: ClerkSettings) {
      await run((context) => saveWorkbookSettings(context, settings));
    },

    async applyWritePlan(plan: WritePlan) {
      await run((context) => applyWritePlan(context, plan));
      summaries = new Map();
    },

    async deleteSheet(sheet: string) {
      await run(async (context) => {
        context.workbook.worksheets.getItem(sheet).delete();
        await context.sync();
      });
      summaries.delete(sheet);
    },

    async applyUndoableWritePlan(plan: WritePlan): Promise<WrittenCells> {
      const applied = await run((context) => applyWritePlan(context, plan));
      summaries = new Map();
      return applied;
    },

    async undoWrites(written: WrittenCells) {
      const report = await run((context) => undoWritePlan(context, written));
      summaries = new Map();
      return report;
    },

    async createSheet(spec: SheetSpec) {
      const report = await run((context) => createSpecSheet(context, spec));
      summaries = new Map();
      return report.notes;
    },

    async removeFindingsSheet() {
      const removed = await run(async (context) => {
        // Only the sheet Election Clerk recorded as its findings sheet (by id), never a clerk's sheet of that name.
        const record = context.workbook.settings.getItemOrNullObject(FINDINGS_RECORD_KEY);
        record.load('value');
        await context.sync();
        const value = record.isNullObject ? null : (record.value as { name?: string; id?: string } | null);
        if (!value?.id) return null;
        const sheet = context.workbook.worksheets.getItemOrNullObject(value.id);
        sheet.load('name');
        await context.sync();
        if (sheet.isNullObject) {
          record.delete();
          await context.sync();
          return null;
        }
        const name = sheet.name;
        sheet.delete();
        record.delete();
        await context.sync();
        return name;
      });
      if (removed) summaries.delete(removed);
      return removed;
    },

    async addChart(spec: ChartSpec) {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(spec.sheet);
        const valueLetter = columnLetter(spec.valueColumn);
        const categoryLetter = columnLetter(spec.categoryColumn);
        // The values with their header (the series name); the district names as the category axis.
        const values = sheet.getRange(`${valueLetter}${spec.headerRow}:${valueLetter}${spec.lastRow}`);
        const chart = sheet.charts.add('ColumnClustered' as Excel.ChartType, values, 'Columns' as Excel.ChartSeriesBy);
        chart.title.text = spec.title;
        chart.setPosition(`${columnLetter(spec.anchorColumn)}${spec.anchorRow}`);
        const extra = chart as unknown as ChartSeriesApi;
        const first = extra.series?.getItemAt?.(0);
        if (first?.setXAxisValues) first.setXAxisValues(sheet.getRange(`${categoryLetter}${spec.headerRow + 1}:${categoryLetter}${spec.lastRow}`));
        if (extra.legend) extra.legend.visible = false;
        await context.sync();
      });
    },
  };
  return port;
}
