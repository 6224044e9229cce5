/**
 * Reads `.xlsx` workbooks (and `.csv` tables) from disk into SheetGrids, the shape the domain core works on.
 *
 * - Cell values: text, numbers, booleans, Date for date-formatted cells (UTC midnight), the cached RESULT of a
 *   formula (the formula text goes into `formulas`, prefixed with "="), rich text flattened to plain text,
 *   hyperlinks as their text, error values as their text ("#N/A"). Cells covered by a merge (other than its
 *   top-left cell) are null, as in Excel.
 * - Big files (above `streamingThreshold` bytes, 2 MB by default) are read by the streaming reader in
 *   xlsx-stream-reader.ts (faster and a fraction of the memory; the same values, formulas, merges and hidden rows).
 * - Files that cannot be read (missing, not an .xlsx, password-protected, corrupt) raise `CannotReadWorkbook`
 *   with a message naming the file and saying what to do.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CellValue, MergedArea, SheetGrid } from '../../domain/workbook/sheet-grid';
import { readXlsxStreaming } from './xlsx-stream-reader';

/** A workbook that could not be read; the message names the file and says what to do. */
export class CannotReadWorkbook extends Error {
  /** 'missing' | 'not-xlsx' | 'encrypted' | 'legacy-xls' | 'corrupt' | 'empty' */
  readonly reason: string;
  readonly file: string;
  constructor(file: string, reason: string, message: string) {
    super(message);
    this.name = 'CannotReadWorkbook';
    this.file = file;
    this.reason = reason;
  }
}

export interface ReadWorkbookOptions {
  /** The name findings will carry as `file` (default: the file's base name). */
  name?: string;
  /** true: always stream; false: never; default: stream above `streamingThreshold` bytes. */
  streaming?: boolean;
  /** File size in bytes above which the streaming reader is used (default 2 MB, about 25,000 roll rows). */
  streamingThreshold?: number;
  /** Only these sheets (by name); default all. */
  sheets?: string[];
}

export const DEFAULT_STREAMING_THRESHOLD = 2 * 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Buffer, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  return sig.every((b, i) => buf[i] === b);
}

/** Checks the file exists and is a zip (xlsx); turns the common wrong kinds of file into clear messages. */
async function sniff(file: string): Promise<{ size: number }> {
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CannotReadWorkbook(file, 'missing', `找不到文件 ${file}，请检查路径。 (File not found: ${file}; check the path.)`);
    }
    if (code === 'EISDIR') {
      throw new CannotReadWorkbook(file, 'not-xlsx', `${file} 是文件夹，不是工作簿。 (${file} is a directory, not a workbook.)`);
    }
    throw new CannotReadWorkbook(file, 'missing', `无法打开 ${file}：${(e as Error).message} (Cannot open ${file}: ${(e as Error).message})`);
  }
  try {
    const stat = await handle.stat();
    const head = Buffer.alloc(Math.min(stat.size, 65536));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    if (stat.size === 0) {
      throw new CannotReadWorkbook(file, 'empty', `${file} 是空文件（0 字节），请重新导出或保存。 (${file} is empty (0 bytes); export or save it again.)`);
    }
    if (startsWith(head, OLE_SIGNATURE)) {
      // Both encrypted .xlsx files and old .xls workbooks are OLE compound files; encrypted ones carry an
      // "EncryptionInfo" stream (its directory entry name is UTF-16LE).
      const encrypted = head.includes(Buffer.from('EncryptionInfo', 'utf16le')) || head.includes(Buffer.from('EncryptedPackage', 'utf16le'));
      if (encrypted || !/\.xls$/i.test(file)) {
        throw new CannotReadWorkbook(file, 'encrypted',
          `${file} 设有打开密码（已加密），无法读取。请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再试。` +
          ` (${file} is password-protected (encrypted) and cannot be read. Open it in Excel, remove the password and save it as .xlsx.)`);
      }
      throw new CannotReadWorkbook(file, 'legacy-xls',
        `${file} 是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再试。 (${file} is an old .xls workbook; save it as .xlsx and try again.)`);
    }
    if (!startsWith(head, ZIP_SIGNATURE)) {
      throw new CannotReadWorkbook(file, 'not-xlsx',
        `${file} 不是 .xlsx 工作簿（文件内容不是 Excel 2007 及以后的格式）。请在 Excel 或 WPS 中另存为 .xlsx。` +
        ` (${file} is not an .xlsx workbook; save it as .xlsx from Excel or WPS.)`);
    }
    return { size: stat.size };
  } finally {
    await handle.close();
  }
}

function corrupt(file: string, e: unknown): CannotReadWorkbook {
  const detail = e instanceof Error ? e.message : String(e);
  return new CannotReadWorkbook(file, 'corrupt',
    `${file} 已损坏或不是有效的 .xlsx 工作簿（${detail}）。请在 Excel 中打开并重新保存后再试。` +
    ` (${file} is damaged or not a valid .xlsx workbook (${detail}); open it in Excel, save it again and retry.)`);
}

/** Plain value of an ExcelJS cell value object: formula result, rich text, hyperlink text, error text. */
export function plainCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainCellValue(o.result) : null;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('hyperlink' in o || 'text' in o) return plainCellValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

function formulaText(v: unknown): string | null {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.formula === 'string') return `=${o.formula}`;
    if (typeof o.sharedFormula === 'string') return `=${o.sharedFormula}`;
  }
  return null;
}

function decodeRange(ref: string): MergedArea | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  };
  return { startRow: Number(m[2]), startColumn: col(m[1]), endRow: Number(m[4]), endColumn: col(m[3]) };
}

/** Drops trailing null cells and trailing empty rows (keeps shapes small). */
function trimGrid(rows: CellValue[][], formulas: (string | null)[][] | null): void {
  for (const r of rows) {
    let n = r.length;
    while (n > 0 && (r[n - 1] === null || r[n - 1] === undefined)) n--;
    r.length = n;
  }
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0 && (!formulas || !formulas[last - 1]?.some((f) => f !== null))) last--;
  rows.length = last;
  if (formulas) formulas.length = Math.min(formulas.length, last);
}

async function readInMemory(file: string, name: string, only: Set<string> | null): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw corrupt(file, e);
  }
  const grids: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    if (only && !only.has(ws.name)) return;
    const rows: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    let anyFormula = false;
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      while (rows.length < rowNumber) {
        rows.push([]);
        formulas.push([]);
      }
      const values: CellValue[] = rows[rowNumber - 1];
      const f: (string | null)[] = formulas[rowNumber - 1];
      if (row.hidden) hiddenRows.push(rowNumber);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A cell covered by a merge repeats its master's value in ExcelJS; Excel shows it empty.
        if (cell.isMerged && cell.master !== cell) return;
        while (values.length < col - 1) values.push(null);
        const raw = cell.value as unknown;
        values[col - 1] = plainCellValue(raw);
        const ft = formulaText(raw) ?? (cell.formula ? `=${cell.formula}` : null);
        if (ft) {
          while (f.length < col - 1) f.push(null);
          f[col - 1] = ft;
          anyFormula = true;
        }
      });
    });
    for (const r of rows) for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = null;
    trimGrid(rows, anyFormula ? formulas : null);
    const merges: MergedArea[] = [];
    const mergeRefs = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const ref of mergeRefs) {
      const area = decodeRange(ref);
      if (area) merges.push(area);
    }
    const grid: SheetGrid = { workbook: name, sheet: ws.name, startRow: 1, startColumn: 1, rows, merges };
    if (anyFormula) {
      grid.formulas = formulas.map((fr, i) => {
        const width = rows[i]?.length ?? 0;
        const out: (string | null)[] = new Array(Math.max(width, fr.length)).fill(null);
        for (let c = 0; c < fr.length; c++) out[c] = fr[c] ?? null;
        return out;
      });
    }
    if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
    grids.push(grid);
  });
  return grids;
}

async function readStreaming(file: string, name: string, only: Set<string> | null): Promise<SheetGrid[]> {
  try {
    return await readXlsxStreaming(file, name, only);
  } catch (e) {
    throw corrupt(file, e);
  }
}

/**
 * Reads every worksheet of an `.xlsx` file into a SheetGrid (rows from Excel row 1, columns from A).
 * Throws CannotReadWorkbook for files that are missing, not .xlsx, password-protected or damaged.
 */
export async function readWorkbookGrids(file: string, options: ReadWorkbookOptions = {}): Promise<SheetGrid[]> {
  const { size } = await sniff(file);
  const name = options.name ?? path.basename(file);
  const only = options.sheets ? new Set(options.sheets) : null;
  const stream = options.streaming ?? size > (options.streamingThreshold ?? DEFAULT_STREAMING_THRESHOLD);
  return stream ? readStreaming(file, name, only) : readInMemory(file, name, only);
}

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends; a leading BOM is dropped). */
export function parseCsvText(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.length === 0) {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A CSV field as a cell value: empty → null; a plain decimal number of at most 12 integer digits without a
 * leading zero → number (so populations read as numbers, while IDs, phone numbers with a leading 0 and legacy
 * 15-digit IDs stay text); anything else → the text as written.
 */
export function csvCellValue(field: string): CellValue {
  const t = field.trim();
  if (t === '') return null;
  if (/^-?(0|[1-9]\d{0,11})(\.\d+)?$/.test(t)) return Number(t);
  return field;
}

/**
 * Reads a table from `.csv` (UTF-8, with or without BOM) or `.xlsx`. A CSV gives one grid whose sheet name is the
 * file's base name without extension.
 */
export async function readTableFile(file: string, options: ReadWorkbookOptions = {}): Promise<SheetGrid[]> {
  if (/\.csv$/i.test(file)) {
    let buf: Buffer;
    try {
      buf = await fsp.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new CannotReadWorkbook(file, 'missing', `找不到文件 ${file}，请检查路径。 (File not found: ${file}; check the path.)`);
      throw new CannotReadWorkbook(file, 'missing', `无法打开 ${file}：${(e as Error).message} (Cannot open ${file}: ${(e as Error).message})`);
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    if (text.includes('\ufffd')) {
      throw new CannotReadWorkbook(file, 'not-xlsx',
        `${file} 不是 UTF-8 编码（可能是 GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx。` +
        ` (${file} is not UTF-8 (perhaps GBK); save it as "CSV UTF-8" or .xlsx.)`);
    }
    const rows = parseCsvText(text).map((r) => r.map(csvCellValue));
    while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
    const base = path.basename(file).replace(/\.csv$/i, '');
    return [{ workbook: options.name ?? path.basename(file), sheet: base, startRow: 1, startColumn: 1, rows }];
  }
  return readWorkbookGrids(file, options);
}
