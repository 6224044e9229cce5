/**
 * A1 addresses the adapter reads back from Excel ("Sheet1!A1:C3,Sheet1!E5", "'第一 选区'!5:9") and writes
 * (contiguous runs of flagged cells joined into range-area addresses of bounded length).
 */
import { columnLetter, columnNumber } from '../../domain/workbook/sheet-grid';

export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;

/** 0-based, inclusive. */
export interface Area {
  row0: number;
  column0: number;
  row1: number;
  column1: number;
}

function splitTopLevel(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function parseEnd(text: string): { row?: number; column?: number } {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (!m[1] && !m[2])) throw new Error(`Not an A1 reference: ${text}`);
  return { column: m[1] ? columnNumber(m[1]) - 1 : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

/** Parses an address with one or more areas (sheet prefixes ignored). */
export function parseAreaAddresses(address: string): Area[] {
  return splitTopLevel(address).map((part) => {
    const local = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const [a, b = a] = local.split(':');
    const p = parseEnd(a);
    const q = parseEnd(b);
    return {
      row0: p.row ?? 0,
      row1: q.row ?? EXCEL_MAX_ROWS - 1,
      column0: p.column ?? 0,
      column1: q.column ?? EXCEL_MAX_COLUMNS - 1,
    };
  });
}

/** "F5", "F5:F9", or "5:9" for whole rows (1-based row numbers, column number or undefined for whole rows). */
export function runAddress(column: number | undefined, firstRow: number, lastRow: number): string {
  if (column === undefined) return `${firstRow}:${lastRow}`;
  const c = columnLetter(column);
  return firstRow === lastRow ? `${c}${firstRow}` : `${c}${firstRow}:${c}${lastRow}`;
}

/** Contiguous runs of sorted, distinct row numbers: [5, 6, 7, 9] → [[5, 7], [9, 9]]. */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Joins addresses with commas into groups no longer than maxChars each. */
export function chunkAddresses(addresses: string[], maxChars: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}
