/**
 * Building findings and their texts: every message starts with where the cell is (sheet, Excel row, column
 * letter, and whose row it is), in Chinese with full-width punctuation and in English.
 */
import { CellRef, Finding } from '../common/finding';
import { Severity } from '../common/problem';
import { RollRecord } from '../roll/read-roll';

/** 「第一选区」第5行F列（张三） */
export function whereZh(r: RollRecord, column?: string, withFile = false): string {
  const file = withFile ? `${r.file} ` : '';
  return `${file}「${r.sheet}」第${r.row}行${column ? `${column}列` : ''}${r.name ? `（${r.name}）` : ''}`;
}

/** Sheet "第一选区", row 5, column F (张三) */
export function whereEn(r: RollRecord, column?: string, withFile = false): string {
  const file = withFile ? `${r.file}, ` : '';
  return `${file}sheet "${r.sheet}", row ${r.row}${column ? `, column ${column}` : ''}${r.name ? ` (${r.name})` : ''}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function refOf(r: RollRecord, column?: string): CellRef {
  const ref: CellRef = { file: r.file, sheet: r.sheet, row: r.row };
  if (column) ref.column = column;
  return ref;
}

/** A finding at a record's cell; the message is prefixed with the location. */
export function findingAt(
  r: RollRecord,
  code: string,
  severity: Severity,
  column: string | undefined,
  zh: string,
  en: string,
  related: CellRef[] = [],
): Finding {
  const f: Finding = {
    file: r.file,
    sheet: r.sheet,
    row: r.row,
    code,
    severity,
    message: { zh: `${whereZh(r, column)}：${zh}`, en: `${capitalise(whereEn(r, column))}: ${en}` },
    related,
  };
  if (column) f.column = column;
  return f;
}

/** Lists other locations for a message, at most `limit` of them, naming the file when it differs. */
export function listPlaces(records: readonly RollRecord[], fromFile: string, limit = 5): { zh: string; en: string } {
  const shown = records.slice(0, limit);
  const zh = shown.map((o) => `${o.file !== fromFile ? `${o.file} ` : ''}「${o.sheet}」第${o.row}行${o.name ? `（${o.name}）` : ''}`).join('；');
  const en = shown.map((o) => `${o.file !== fromFile ? `${o.file}, ` : ''}sheet "${o.sheet}" row ${o.row}${o.name ? ` (${o.name})` : ''}`).join('; ');
  const more = records.length - shown.length;
  return more > 0 ? { zh: `${zh}；另有${more}处`, en: `${en}; and ${more} more` } : { zh, en };
}
