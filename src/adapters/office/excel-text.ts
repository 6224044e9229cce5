/**
 * Writing text into Excel so it stays the text it is: Excel turns "=…" into a formula, "+86…"/"-…"/"@…" into
 * formulas or errors, "123" and "1990-01-02" into numbers and dates, and drops a leading apostrophe. A leading
 * apostrophe makes Excel keep the rest as literal text, so every string that Excel would reinterpret gets one.
 * Also A1 references for formulas and hyperlinks.
 */
import { needsTextPrefix } from '../../domain/workbook/cell-writes';
import { columnLetter } from '../../domain/workbook/sheet-grid';

const NUMBER_LIKE = /^\s*[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?\s*$|^\s*\d{1,2}:\d{2}/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;
const ERROR_LIKE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/i;

/** True when Excel would not store this string as the same text if it were written as is. */
export function excelWouldReinterpret(text: string): boolean {
  return needsTextPrefix(text) || text.startsWith("'") || NUMBER_LIKE.test(text) || DATE_LIKE.test(text) ||
    BOOLEAN_LIKE.test(text) || ERROR_LIKE.test(text);
}

/** The string to write so that the cell holds exactly `text`. */
export function literalText(text: string): string {
  return excelWouldReinterpret(text) ? `'${text}` : text;
}

/** Excel keeps at most 32,767 characters in a cell. */
export function fitCell(text: string): string {
  return text.length > 32000 ? `${text.slice(0, 31990)}…` : text;
}

/** 'Sheet name'!F5 (always quoted, quotes doubled), for formulas and in-workbook hyperlinks. */
export function sheetRef(sheet: string, row: number, column?: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(column ?? 1)}${row}`;
}

/** A string literal inside a formula: quotes doubled. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
