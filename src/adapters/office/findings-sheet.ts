/**
 * The 校验结果 (findings) sheet: one row per finding — 序号, 代码, 级别, 工作表, 行, 列, 说明, 相关 and a link that
 * jumps to the cell — written in blocks that stay under the request limit. It replaces the findings sheet
 * Election Clerk wrote before (recognised by the sheet id recorded in the workbook settings), and never a clerk's
 * own sheet that happens to have the same name. It is built under a temporary name and only takes the real
 * name (and replaces the old one) in the last round trip, so a failure midway leaves the workbook as it was.
 */
import { CellRef, Finding } from '../../domain/common/finding';
import { Severity } from '../../domain/common/problem';
import { AdapterError, describeError, excelCode } from './adapter-error';
import { fitCell, formulaString, literalText, sheetRef } from './excel-text';
import { jsonSize } from './read-sheets';

export const FINDINGS_SHEET_NAME = '校验结果';
export const FINDINGS_RECORD_KEY = 'ElectionClerk.findingsSheet.v1';
const TEMP_SHEET_NAME = '校验结果（写入中）';

export type Language = 'zh' | 'en';

const HEADERS: Record<Language, string[]> = {
  zh: ['序号', '代码', '级别', '工作表', '行', '列', '说明', '相关', '位置'],
  en: ['No.', 'Code', 'Severity', 'Sheet', 'Row', 'Column', 'Explanation', 'Related', 'Go to'],
};

const SEVERITY_TEXT: Record<Language, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const FINDINGS_COLUMNS = HEADERS.zh.length;

export interface FindingsSheetOptions {
  language?: Language;
  /** Default 校验结果. */
  sheetName?: string;
  /** Most bytes of cell data sent per round trip (default 3,000,000, under the 5 MB limit). */
  maxBytesPerSync?: number;
}

export interface FindingsSheetReport {
  sheet: string;
  rows: number;
  /** The earlier findings sheet was replaced. */
  replaced: boolean;
}

interface FindingsRecord {
  name: string;
  id: string;
}

function refText(ref: CellRef, file: string): string {
  const where = `${ref.sheet}!${ref.column ?? ''}${ref.row}`;
  return ref.file && ref.file !== file ? `[${ref.file}]${where}` : where;
}

/** The hyperlink formula to a finding's cell (or the first cell of its row). */
export function linkFormula(ref: Pick<CellRef, 'sheet' | 'row' | 'column'>, language: Language): string {
  const target = `#${sheetRef(ref.sheet, ref.row, ref.column ? columnIndex(ref.column) : 1)}`;
  const label = ref.column ? `${ref.column}${ref.row}` : language === 'zh' ? `第${ref.row}行` : `Row ${ref.row}`;
  return `=HYPERLINK(${formulaString(target)},${formulaString(label)})`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One row of the findings sheet, as it is written through `range.formulas` (text kept literal). */
export function findingRow(f: Finding, index: number, language: Language): (string | number)[] {
  const related = f.related.map((r) => refText(r, f.file)).join(language === 'zh' ? '；' : '; ');
  return [
    index + 1,
    literalText(f.code),
    literalText(SEVERITY_TEXT[language][f.severity]),
    literalText(f.sheet),
    f.row,
    literalText(f.column ?? ''),
    literalText(fitCell(f.message[language])),
    literalText(fitCell(related)),
    linkFormula(f, language),
  ];
}

/** Writes (or replaces) the findings sheet; returns its name and size. */
export async function writeFindingsSheet(
  context: Excel.RequestContext,
  findings: Finding[],
  options: FindingsSheetOptions = {},
): Promise<FindingsSheetReport> {
  const language = options.language ?? 'zh';
  const name = options.sheetName ?? FINDINGS_SHEET_NAME;
  const maxBytes = options.maxBytesPerSync ?? 3_000_000;
  const worksheets = context.workbook.worksheets;

  // 1. What is there: a sheet of that name, and whether we wrote it.
  const existing = worksheets.getItemOrNullObject(name);
  existing.load('id');
  const leftover = worksheets.getItemOrNullObject(TEMP_SHEET_NAME);
  const record = context.workbook.settings.getItemOrNullObject(FINDINGS_RECORD_KEY);
  record.load('value');
  await syncOrExplain(context, 'check');
  const recorded = record.isNullObject ? null : (record.value as FindingsRecord);
  if (!existing.isNullObject && (!recorded || recorded.id !== existing.id)) {
    throw new AdapterError({
      zh: `工作簿中已有一个名为“${name}”的工作表，但它不是选务助手生成的。为免覆盖您的数据，没有写入校验结果。请把该工作表改名后重新校验。`,
      en: `The workbook already has a sheet named "${name}" that Election Clerk did not create. To avoid overwriting your data, the findings were not written. Rename that sheet and validate again.`,
    }, 'FindingsSheetTaken');
  }
  // A temporary sheet left by an interrupted earlier run is ours: remove it.
  if (!leftover.isNullObject) leftover.delete();

  // 2. Build the new sheet under a temporary name.
  const sheet = worksheets.add(TEMP_SHEET_NAME);
  sheet.load('id');
  const header = sheet.getRangeByIndexes(0, 0, 1, FINDINGS_COLUMNS);
  header.values = [HEADERS[language]];
  header.format.font.bold = true;
  sheet.freezePanes.freezeRows(1);
  const rows = findings.map((f, i) => findingRow(f, i, language));
  if (!rows.length) {
    sheet.getRangeByIndexes(1, 0, 1, 1).values = [[language === 'zh' ? '没有发现问题。' : 'No problems found.']];
  }
  try {
    // Blocks of rows, each sent with one sync; the first goes with the new sheet and its header.
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let bytes = 0;
      while (end < rows.length && (end === start || bytes + jsonSize(rows[end]) <= maxBytes)) {
        bytes += jsonSize(rows[end]);
        end += 1;
      }
      sheet.getRangeByIndexes(1 + start, 0, end - start, FINDINGS_COLUMNS).formulas = rows.slice(start, end);
      await context.sync();
      start = end;
    }
    if (!rows.length) await context.sync();
    // 3. Last round trip: replace the old sheet, take the name, remember that it is ours.
    if (!existing.isNullObject) existing.delete();
    sheet.name = name;
    context.workbook.settings.add(FINDINGS_RECORD_KEY, { name, id: sheet.id } satisfies FindingsRecord);
    sheet.getRangeByIndexes(0, 0, 1, FINDINGS_COLUMNS).format.autofitColumns();
    try {
      await context.sync();
    } catch (error) {
      // All rows are written: finish the swap if it stopped halfway, otherwise remove the new sheet.
      if (!(await finishSwap(context, name, sheet.id))) throw error;
    }
  } catch (error) {
    await removeTemporarySheet(context);
    throw new AdapterError({
      zh: `写入“${name}”工作表失败：${describeError(error)}。已撤销写了一半的内容，原有数据未受影响；请重试。`,
      en: `Writing the "${name}" sheet failed: ${describeError(error)}. What was half-written has been removed and your data is untouched; try again.`,
    }, excelCode(error) ?? 'FindingsSheetFailed', error);
  }
  return { sheet: name, rows: findings.length, replaced: !existing.isNullObject };
}

/**
 * After a failed last round trip: when the old sheet is gone and the new one complete, give the new one its name
 * and record it. Returns true when the findings sheet ended up in place.
 */
async function finishSwap(context: Excel.RequestContext, name: string, newId: string): Promise<boolean> {
  try {
    const named = context.workbook.worksheets.getItemOrNullObject(name);
    named.load('id');
    const tmp = context.workbook.worksheets.getItemOrNullObject(TEMP_SHEET_NAME);
    await context.sync();
    if (!named.isNullObject && named.id !== newId) return false;
    if (named.isNullObject) {
      if (tmp.isNullObject) return false;
      tmp.name = name;
    }
    context.workbook.settings.add(FINDINGS_RECORD_KEY, { name, id: newId } satisfies FindingsRecord);
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** Deletes the temporary sheet if a failed run left it (best effort: the original error is what matters). */
async function removeTemporarySheet(context: Excel.RequestContext): Promise<void> {
  try {
    const tmp = context.workbook.worksheets.getItemOrNullObject(TEMP_SHEET_NAME);
    await context.sync();
    if (!tmp.isNullObject) {
      tmp.delete();
      await context.sync();
    }
  } catch {
    // Nothing more can be done here; the next run removes a leftover temporary sheet first.
  }
}

async function syncOrExplain(context: Excel.RequestContext, _step: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw new AdapterError({
      zh: `无法读取工作簿的工作表列表：${describeError(error)}。`,
      en: `Could not read the workbook's sheets: ${describeError(error)}.`,
    }, excelCode(error) ?? 'FindingsSheetFailed', error);
  }
}
