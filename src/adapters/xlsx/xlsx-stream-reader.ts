/**
 * A streaming reader of `.xlsx` cell values for big rolls (hundreds of thousands of rows): the worksheet XML is
 * inflated and parsed piece by piece, so memory holds the values, not the XML or a full ExcelJS model.
 *
 * Why not ExcelJS's own streaming reader: it decodes each compressed chunk as UTF-8 on its own, so a Chinese
 * character split across two chunks turns into "��" (a name like 陈雨晓 or 汉族 read wrongly). Here a
 * StringDecoder keeps split characters whole.
 *
 * What it gives, like the in-memory reader: values (text, numbers, booleans, Date for date-formatted numbers,
 * formula results), formula text (a shared formula's dependants carry the master cell's formula text,
 * untranslated), merged areas and hidden rows.
 */
import { promises as fsp } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import JSZip from 'jszip';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { CellValue, MergedArea, SheetGrid } from '../../domain/workbook/sheet-grid';

/** Built-in number formats that are dates (including the zh-CN ones 27–36 and 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom number format code that shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  const f = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_./g, '');
  if (/^general$/i.test(f.trim())) return false;
  return /[ymdhs]|年|月|日/i.test(f) && !/^[#0.,%E+\-\s;]*$/.test(f);
}

const XML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function unescapeExcel(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(XML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes as Record<string, string>;
  if (name in a) return a[name];
  for (const k of Object.keys(a)) if (localName(k) === name) return a[k];
  return undefined;
}

/** Column number of a cell reference such as "AB12" (letters only are read). */
function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

function decodeRange(ref: string): MergedArea | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  return { startRow: Number(m[2]), startColumn: columnOfRef(m[1]), endRow: Number(m[4]), endColumn: columnOfRef(m[3]) };
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + Math.round(serial * 86400000));
}

/** Parses a whole (small) XML part, calling back on tags and text. */
function parseXml(xml: string, on: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void }): void {
  const parser = new SaxesParser();
  if (on.open) parser.on('opentag', (t) => on.open!(t as SaxesTagPlain));
  if (on.close) parser.on('closetag', (t) => on.close!(localName(t.name)));
  if (on.text) parser.on('text', on.text);
  parser.write(xml).close();
}

async function partText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async('string') : null;
}

/** Streams a part through a callback-driven XML parser, keeping multi-byte characters whole across chunks. */
async function streamXml(zip: JSZip, path: string, on: { open: (tag: SaxesTagPlain) => void; close: (name: string) => void; text: (t: string) => void }): Promise<void> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  const parser = new SaxesParser();
  parser.on('opentag', (t) => on.open(t as SaxesTagPlain));
  parser.on('closetag', (t) => on.close(localName(t.name)));
  parser.on('text', on.text);
  parser.on('cdata', on.text);
  const decoder = new StringDecoder('utf8');
  await new Promise<void>((resolve, reject) => {
    const stream = f.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      try {
        const text = decoder.write(chunk);
        if (text) parser.write(text);
      } catch (e) {
        reject(e);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      try {
        const rest = decoder.end();
        if (rest) parser.write(rest);
        parser.close();
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface Styles {
  /** Per cellXfs index: is it a date format? */
  dateStyle: boolean[];
}

function readStyles(xml: string | null): Styles {
  const dateStyle: boolean[] = [];
  if (!xml) return { dateStyle };
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parseXml(xml, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(tag, 'numFmtId') ?? 0);
        const code = custom.get(id);
        dateStyle.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return { dateStyle };
}

async function readSharedStrings(zip: JSZip): Promise<string[]> {
  const strings: string[] = [];
  if (!zip.file('xl/sharedStrings.xml')) return strings;
  let current = '';
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  await streamXml(zip, 'xl/sharedStrings.xml', {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && phonetic === 0) inT = true;
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(unescapeExcel(current));
        inSi = false;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text: (t) => {
      if (inT) current += t;
    },
  });
  return strings;
}

interface SheetEntry {
  name: string;
  path: string;
}

async function readSheetList(zip: JSZip): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const workbook = await partText(zip, 'xl/workbook.xml');
  const rels = await partText(zip, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error('not an Excel workbook (xl/workbook.xml missing)');
  const targets = new Map<string, string>();
  parseXml(rels, {
    open: (tag) => {
      if (localName(tag.name) === 'Relationship') targets.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '');
    },
  });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(workbook, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'workbookPr') {
        const v = attr(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const id = attr(tag, 'id') ?? '';
        const target = targets.get(id);
        if (target) sheets.push({ name: attr(tag, 'name') ?? '', path: resolveTarget(target) });
      }
    },
  });
  return { sheets, date1904 };
}

async function readSheet(zip: JSZip, entry: SheetEntry, workbookName: string, shared: string[], styles: Styles, date1904: boolean): Promise<SheetGrid> {
  const rows: CellValue[][] = [];
  let formulas: (string | null)[][] | null = null;
  const merges: MergedArea[] = [];
  const hiddenRows: number[] = [];
  const sharedFormulas = new Map<string, string>();

  let rowNumber = 0;
  let row: CellValue[] | null = null;
  let column = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let value = '';
  let formula: string | null = null;
  let sharedIndex: string | undefined;
  let inValue = false;
  let inFormula = false;
  let inInline = false;
  let inInlineT = false;
  let inPhonetic = 0;
  let hasValue = false;

  const finishCell = () => {
    if (!row) return;
    let v: CellValue = null;
    if (hasValue) {
      switch (cellType) {
        case 's': {
          const s = shared[Number(value)];
          v = s === undefined ? null : s;
          break;
        }
        case 'inlineStr':
        case 'str':
          v = unescapeExcel(value);
          break;
        case 'b':
          v = value === '1' || value === 'true';
          break;
        case 'e':
          v = value;
          break;
        case 'd': {
          const d = new Date(value);
          v = Number.isNaN(d.getTime()) ? value : d;
          break;
        }
        default: {
          const n = Number(value);
          if (value === '' || Number.isNaN(n)) v = value === '' ? null : value;
          else v = styles.dateStyle[cellStyle] ? serialToDate(n, date1904) : n;
        }
      }
    }
    const index = column - 1;
    while (row.length < index) row.push(null);
    row[index] = v;
    if (formula !== null) {
      formulas ??= [];
      while (formulas.length < rowNumber) formulas.push([]);
      const fr = formulas[rowNumber - 1];
      while (fr.length < index) fr.push(null);
      fr[index] = `=${formula}`;
    }
  };

  await streamXml(zip, entry.path, {
    open: (tag) => {
      switch (localName(tag.name)) {
        case 'row': {
          const r = attr(tag, 'r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          while (rows.length < rowNumber - 1) rows.push([]);
          row = [];
          rows[rowNumber - 1] = row;
          column = 0;
          const hidden = attr(tag, 'hidden');
          if (hidden === '1' || hidden === 'true') hiddenRows.push(rowNumber);
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          column = ref ? columnOfRef(ref) : column + 1;
          cellType = attr(tag, 't') ?? 'n';
          cellStyle = Number(attr(tag, 's') ?? 0);
          value = '';
          formula = null;
          hasValue = false;
          break;
        }
        case 'v':
          inValue = true;
          hasValue = true;
          break;
        case 'f': {
          inFormula = true;
          formula = '';
          sharedIndex = attr(tag, 't') === 'shared' ? attr(tag, 'si') : undefined;
          break;
        }
        case 'is':
          inInline = true;
          hasValue = true;
          break;
        case 'rPh':
          inPhonetic++;
          break;
        case 't':
          if (inInline && inPhonetic === 0) inInlineT = true;
          break;
        case 'mergeCell': {
          const area = decodeRange(attr(tag, 'ref') ?? '');
          if (area) merges.push(area);
          break;
        }
        default:
          break;
      }
    },
    close: (name) => {
      switch (name) {
        case 'c':
          finishCell();
          break;
        case 'v':
          inValue = false;
          break;
        case 'f':
          inFormula = false;
          if (sharedIndex !== undefined) {
            if (formula) sharedFormulas.set(sharedIndex, formula);
            else formula = sharedFormulas.get(sharedIndex) ?? '';
          }
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic--;
          break;
        case 't':
          inInlineT = false;
          break;
        case 'row':
          row = null;
          break;
        default:
          break;
      }
    },
    text: (t) => {
      if (inValue || inInlineT) value += t;
      else if (inFormula) formula += t;
    },
  });

  // Trailing empty cells and rows are not part of the used range.
  for (const r of rows) {
    let n = r.length;
    while (n > 0 && r[n - 1] === null) n--;
    r.length = n;
  }
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0) last--;
  rows.length = last;

  const grid: SheetGrid = { workbook: workbookName, sheet: entry.name, startRow: 1, startColumn: 1, rows, merges };
  if (formulas) {
    const fs = formulas as (string | null)[][];
    while (fs.length < rows.length) fs.push([]);
    fs.length = Math.max(rows.length, fs.length);
    grid.formulas = fs.map((fr, i) => {
      const out: (string | null)[] = new Array(Math.max(rows[i]?.length ?? 0, fr.length)).fill(null);
      for (let c = 0; c < fr.length; c++) out[c] = fr[c] ?? null;
      return out;
    });
  }
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}

/** Reads the sheets of an .xlsx file, streaming each worksheet. Throws plain errors on damaged files. */
export async function readXlsxStreaming(file: string, workbookName: string, only: Set<string> | null): Promise<SheetGrid[]> {
  const zip = await JSZip.loadAsync(await fsp.readFile(file));
  const { sheets, date1904 } = await readSheetList(zip);
  const styles = readStyles(await partText(zip, 'xl/styles.xml'));
  const shared = await readSharedStrings(zip);
  const grids: SheetGrid[] = [];
  for (const entry of sheets) {
    if (only && !only.has(entry.name)) continue;
    grids.push(await readSheet(zip, entry, workbookName, shared, styles, date1904));
  }
  return grids;
}
