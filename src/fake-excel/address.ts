/**
 * A1 addresses for the fake Excel: parse "Sheet1!A1:C3", "'My sheet'!B2", "A:C", "5:9", "$A$1" into 0-based
 * rectangles and format rectangles back the way Excel writes them.
 */
import { invalidArgument } from './errors';

/** 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}
export function rectColumns(r: Rect): number {
  return r.c1 - r.c0 + 1;
}
export function rectCells(r: Rect): number {
  return rectRows(r) * rectColumns(r);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function letters(column0: number): string {
  let s = '';
  let n = column0 + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function column0(lettersText: string): number {
  let n = 0;
  for (const ch of lettersText.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The sheet name as Excel writes it in an address: quoted when it has anything but letters, digits, _ and CJK. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:C3", "A:C" (whole columns), "5:9" (whole rows); no sheet. */
export function formatRect(r: Rect): string {
  if (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${letters(r.c0)}:${letters(r.c1)}`;
  const a = `${letters(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${letters(r.c1)}${r.r1 + 1}`;
}

export function formatAddress(sheet: string, r: Rect): string {
  return `${quoteSheetName(sheet)}!${formatRect(r)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseEnd(text: string): { kind: 'cell' | 'col' | 'row'; r: number; c: number } | null {
  let m = CELL.exec(text);
  if (m) return { kind: 'cell', r: Number(m[2]) - 1, c: column0(m[1]) };
  m = COL.exec(text);
  if (m) return { kind: 'col', r: -1, c: column0(m[1]) };
  m = ROW.exec(text);
  if (m) return { kind: 'row', r: Number(m[1]) - 1, c: -1 };
  return null;
}

/** Splits "'a!b'!A1" into sheet and local part; the sheet is absent when the address has none. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    if (text[i + 1] !== '!') throw invalidArgument(`Address "${address}" is not valid.`);
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { local: text };
}

/** Parses a local address (no sheet) into a rectangle. */
export function parseRect(local: string): Rect {
  const parts = local.trim().split(':');
  if (parts.length < 1 || parts.length > 2) throw invalidArgument(`Address "${local}" is not valid.`);
  const a = parseEnd(parts[0]);
  const b = parts.length === 2 ? parseEnd(parts[1]) : a;
  if (!a || !b || a.kind !== b.kind || (parts.length === 1 && a.kind !== 'cell')) {
    throw invalidArgument(`Address "${local}" is not valid.`);
  }
  let rect: Rect;
  if (a.kind === 'cell') rect = { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  else if (a.kind === 'col') rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  else rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLUMNS - 1 };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) {
    throw invalidArgument(`Address "${local}" is outside the sheet.`);
  }
  return rect;
}

export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  const { sheet, local } = splitSheet(address);
  return { sheet, rect: parseRect(local) };
}

/** Splits "A1:B2, 'x,y'!C3" on the commas that separate areas (not those inside a quoted sheet name). */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
