/**
 * Highlighting findings in the clerk's sheets without touching a single cell's value or own format: each flag is
 * a conditional format (custom rule that is always true, carrying a recognisable marker in its formula) over the
 * findings' cells of one sheet and severity, built from contiguous runs. Clearing removes exactly the
 * conditional formats that carry the marker — the clerk's own conditional formats, fills and fonts stay as they
 * were. Which sheets were flagged is recorded in the workbook settings.
 */
import { Finding } from '../../domain/common/finding';
import { Message, Severity } from '../../domain/common/problem';
import { columnNumber } from '../../domain/workbook/sheet-grid';
import { AdapterError, describeError, excelCode } from './adapter-error';
import { chunkAddresses, rowRuns, runAddress } from './ranges';

export const FLAG_MARKER = 'ElectionClerk:flag';
export const FLAG_RECORD_KEY = 'ElectionClerk.flags.v1';

/** Excel's own "light red fill with dark red text" family, one per severity. */
export const FLAG_STYLES: Record<Severity, { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** The rule formula of a flag: always TRUE, and says who added it. */
export function flagFormula(severity: Severity): string {
  return `=ISTEXT("${FLAG_MARKER}:${severity}")`;
}

export function isFlagFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(FLAG_MARKER);
}

/** Longest address one conditional format is given (Excel handles long area lists, but not unbounded ones). */
export const MAX_FLAG_ADDRESS_CHARS = 4000;

export interface FlagRecord {
  version: 1;
  sheets: string[];
  cells: number;
  rows: number;
  flaggedAt: string;
}

export interface FlagReport {
  /** Cells (and whole rows) flagged, by sheet. */
  flagged: { sheet: string; cells: number; rows: number }[];
  /** Conditional formats added. */
  formats: number;
  /** Flags from an earlier run that were removed first. */
  removed: number;
  /** Sheets whose findings could not be flagged, and why. */
  skipped: { sheet: string; reason: Message }[];
}

interface SheetPlan {
  sheet: string;
  /** Addresses by severity. */
  bySeverity: Map<Severity, string[]>;
  cells: number;
  rows: number;
}

/** Groups findings into per-sheet, per-severity address lists; each cell gets its most severe finding only. */
export function planFlags(findings: Finding[]): SheetPlan[] {
  const sheets = new Map<string, { cells: Map<string, Severity>; rows: Map<number, Severity> }>();
  for (const f of findings) {
    if (!f.sheet || !(f.row >= 1)) continue;
    let s = sheets.get(f.sheet);
    if (!s) {
      s = { cells: new Map(), rows: new Map() };
      sheets.set(f.sheet, s);
    }
    if (f.column) {
      const key = `${columnNumber(f.column)}:${f.row}`;
      const prev = s.cells.get(key);
      if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) s.cells.set(key, f.severity);
    } else {
      const prev = s.rows.get(f.row);
      if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) s.rows.set(f.row, f.severity);
    }
  }
  const plans: SheetPlan[] = [];
  for (const [sheet, { cells, rows }] of sheets) {
    const bySeverity = new Map<Severity, string[]>();
    const add = (severity: Severity, addresses: string[]) => bySeverity.set(severity, [...(bySeverity.get(severity) ?? []), ...addresses]);
    // Whole rows: runs of rows per severity.
    for (const severity of ['info', 'warning', 'error'] as Severity[]) {
      const list = [...rows].filter(([, s]) => s === severity).map(([r]) => r);
      add(severity, rowRuns(list).map(([a, b]) => runAddress(undefined, a, b)));
    }
    // Cells: runs down each column per severity.
    const byColumn = new Map<string, number[]>();
    for (const [key, severity] of cells) {
      const [column, row] = key.split(':').map(Number);
      const k = `${severity}:${column}`;
      const list = byColumn.get(k) ?? [];
      list.push(row);
      byColumn.set(k, list);
    }
    const keys = [...byColumn.keys()].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]));
    for (const k of keys) {
      const [severity, column] = k.split(':');
      add(severity as Severity, rowRuns(byColumn.get(k) as number[]).map(([a, b]) => runAddress(Number(column), a, b)));
    }
    for (const [severity, list] of [...bySeverity]) if (!list.length) bySeverity.delete(severity);
    plans.push({ sheet, bySeverity, cells: cells.size, rows: rows.size });
  }
  return plans;
}

interface ExistingFlags {
  /** Our conditional formats, by sheet. */
  ours: Map<string, Excel.ConditionalFormat[]>;
  sheets: Map<string, { sheet: Excel.Worksheet; protected: boolean }>;
  record: FlagRecord | null;
  recordSetting: Excel.Setting;
}

/**
 * Finds the conditional formats carrying our marker on the sheets the record names (or on every sheet with
 * `everywhere`). One round trip when nothing was flagged, three when something was.
 */
async function findExistingFlags(context: Excel.RequestContext, everywhere = false): Promise<ExistingFlags> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const recordSetting = context.workbook.settings.getItemOrNullObject(FLAG_RECORD_KEY);
  recordSetting.load('value');
  await context.sync();
  const sheets = new Map(worksheets.items.map((s) => [s.name, { sheet: s, protected: s.protection.protected }]));
  const record = recordSetting.isNullObject ? null : (recordSetting.value as FlagRecord);
  const ours = new Map<string, Excel.ConditionalFormat[]>();
  const recorded = new Set(record && Array.isArray(record.sheets) ? record.sheets : []);
  const toScan = worksheets.items.filter((s) => everywhere || recorded.has(s.name));
  if (!toScan.length) return { ours, sheets, record, recordSetting };
  const lists = toScan.map((sheet) => {
    const cfs = sheet.getRange().conditionalFormats;
    cfs.load('items/type');
    return { name: sheet.name, cfs };
  });
  await context.sync();
  const custom: { name: string; cf: Excel.ConditionalFormat }[] = [];
  for (const { name, cfs } of lists) {
    for (const cf of cfs.items) {
      if (cf.type === 'Custom') {
        cf.custom.rule.load('formula');
        custom.push({ name, cf });
      }
    }
  }
  if (custom.length) await context.sync();
  for (const { name, cf } of custom) {
    if (!isFlagFormula(cf.custom.rule.formula)) continue;
    ours.set(name, [...(ours.get(name) ?? []), cf]);
  }
  return { ours, sheets, record, recordSetting };
}

export interface ClearReport {
  /** Conditional formats removed. */
  removed: number;
  sheets: string[];
  /** Protected sheets whose flags could not be removed. */
  skipped: { sheet: string; reason: Message }[];
}

function protectedReason(sheet: string, what: 'flag' | 'clear'): Message {
  return what === 'flag'
    ? {
        zh: `工作表“${sheet}”受保护，无法标记其中的问题单元格。请在“审阅”中撤销工作表保护后重新校验；问题仍列在“校验结果”中。`,
        en: `The sheet "${sheet}" is protected, so its cells could not be flagged. Unprotect it (Review tab) and validate again; the findings are still listed in the findings sheet.`,
      }
    : {
        zh: `工作表“${sheet}”受保护，无法清除其中的标记。请在“审阅”中撤销工作表保护后再清除标记。`,
        en: `The sheet "${sheet}" is protected, so its flags could not be cleared. Unprotect it (Review tab) and clear the flags again.`,
      };
}

export interface ClearOptions {
  /**
   * Look on every sheet, not only those the record names (for a workbook whose record was lost, e.g. its
   * settings were reset); costs reading every sheet's conditional formats.
   */
  everywhere?: boolean;
}

/** Removes every flag Election Clerk added (and only those). */
export async function clearFlags(context: Excel.RequestContext, options: ClearOptions = {}): Promise<ClearReport> {
  let existing: ExistingFlags;
  try {
    existing = await findExistingFlags(context, options.everywhere);
  } catch (error) {
    throw flagError('clear', error);
  }
  const report: ClearReport = { removed: 0, sheets: [], skipped: [] };
  for (const [name, cfs] of existing.ours) {
    if (existing.sheets.get(name)?.protected) {
      report.skipped.push({ sheet: name, reason: protectedReason(name, 'clear') });
      continue;
    }
    for (const cf of cfs) cf.delete();
    report.removed += cfs.length;
    report.sheets.push(name);
  }
  if (!existing.recordSetting.isNullObject && !report.skipped.length) existing.recordSetting.delete();
  if (report.removed || !existing.recordSetting.isNullObject) {
    try {
      await context.sync();
    } catch (error) {
      throw flagError('clear', error);
    }
  }
  return report;
}

export interface FlagOptions {
  /**
   * The caller has just cleared the flags (e.g. clearFlags in the same workflow): skip looking for old ones.
   * (Without it, a workbook with no earlier flags costs no extra round trip either: the record says so.)
   */
  assumeCleared?: boolean;
  /** Longest address per conditional format (default MAX_FLAG_ADDRESS_CHARS). */
  maxAddressChars?: number;
}

/** Flags the findings' cells (replacing earlier flags); never changes a value or a cell's own format. */
export async function flagFindings(context: Excel.RequestContext, findings: Finding[], options: FlagOptions = {}): Promise<FlagReport> {
  const plans = planFlags(findings);
  const report: FlagReport = { flagged: [], formats: 0, removed: 0, skipped: [] };
  let sheets: Map<string, { sheet: Excel.Worksheet; protected: boolean }>;
  let oldRecord: Excel.Setting | null = null;
  try {
    if (options.assumeCleared) {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/protection/protected');
      await context.sync();
      sheets = new Map(worksheets.items.map((s) => [s.name, { sheet: s, protected: s.protection.protected }]));
    } else {
      const existing = await findExistingFlags(context);
      sheets = existing.sheets;
      if (!existing.recordSetting.isNullObject) oldRecord = existing.recordSetting;
      for (const [name, cfs] of existing.ours) {
        if (existing.sheets.get(name)?.protected) continue;
        for (const cf of cfs) cf.delete();
        report.removed += cfs.length;
      }
    }
  } catch (error) {
    throw flagError('flag', error);
  }

  const maxChars = options.maxAddressChars ?? MAX_FLAG_ADDRESS_CHARS;
  const flaggedSheets: string[] = [];
  let cells = 0;
  let rows = 0;
  for (const plan of plans) {
    const target = sheets.get(plan.sheet);
    if (!target) {
      report.skipped.push({
        sheet: plan.sheet,
        reason: {
          zh: `找不到工作表“${plan.sheet}”（可能已改名或删除），其中的问题未能标记。请重新校验。`,
          en: `The sheet "${plan.sheet}" was not found (renamed or deleted?), so its findings were not flagged. Validate again.`,
        },
      });
      continue;
    }
    if (target.protected) {
      report.skipped.push({ sheet: plan.sheet, reason: protectedReason(plan.sheet, 'flag') });
      continue;
    }
    // Lower severities first; each new format goes on top, so errors end up with the highest priority.
    for (const severity of ['info', 'warning', 'error'] as Severity[]) {
      const addresses = plan.bySeverity.get(severity);
      if (!addresses) continue;
      for (const chunk of chunkAddresses(addresses, maxChars)) {
        const cf = target.sheet.getRanges(chunk).conditionalFormats.add('Custom');
        cf.custom.rule.formula = flagFormula(severity);
        cf.custom.format.fill.color = FLAG_STYLES[severity].fill;
        cf.custom.format.font.color = FLAG_STYLES[severity].font;
        cf.priority = 0;
        report.formats += 1;
      }
    }
    flaggedSheets.push(plan.sheet);
    cells += plan.cells;
    rows += plan.rows;
    report.flagged.push({ sheet: plan.sheet, cells: plan.cells, rows: plan.rows });
  }
  const record: FlagRecord = { version: 1, sheets: flaggedSheets, cells, rows, flaggedAt: new Date().toISOString() };
  if (flaggedSheets.length) context.workbook.settings.add(FLAG_RECORD_KEY, record);
  else if (oldRecord) oldRecord.delete();
  try {
    await context.sync();
  } catch (error) {
    throw flagError('flag', error);
  }
  return report;
}

function flagError(what: 'flag' | 'clear', error: unknown): AdapterError {
  const code = excelCode(error);
  return new AdapterError(
    what === 'flag'
      ? { zh: `标记问题单元格失败：${describeError(error)}。单元格的内容没有被改动；请重试。`, en: `Flagging the findings' cells failed: ${describeError(error)}. No cell's content was changed; try again.` }
      : { zh: `清除标记失败：${describeError(error)}。单元格的内容没有被改动；请重试。`, en: `Clearing the flags failed: ${describeError(error)}. No cell's content was changed; try again.` },
    code ?? 'FlagFailed',
    error,
  );
}
